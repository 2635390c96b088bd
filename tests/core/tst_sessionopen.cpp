// Opening a Session: a QSqlDatabase from the start (issue 33, point 5) on the project's driver
// over the one connect path (issue 58, step 5), one statement of its own and no session setting,
// QSqlQuery with every value bound as a parameter, the settings a unit of work checks, a connect
// that never answers ended by a cancel, and the fallbacks (issue 21, point 16).
#include "browse/catalogreader.h"
#include "db/databaseidentity.h"
#include "db/pgconnection.h"
#include "db/pgsqldriver.h"
#include "db/session.h"
#include "db/sessioncanceller.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "sessiontestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <functional>
#include <thread>

#include <libpq-fe.h>

using namespace uaip;
using namespace uaip::test;

namespace {

// A profile of something that accepts TCP connections and never answers them.
ConnectionProfile blackhole(const QTcpServer &server)
{
    ConnectionProfile p;
    p.name = QStringLiteral("blackhole");
    p.host = QStringLiteral("127.0.0.1");
    p.port = server.serverPort();
    p.database = QStringLiteral("x");
    p.user = QStringLiteral("x");
    p.sslMode = QStringLiteral("disable");
    return p;
}

} // namespace

class TestSessionOpen : public QObject
{
    Q_OBJECT

private slots:
    void opensAQSqlDatabaseUnderItsOwnName()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        QVERIFY(QSqlDatabase::connectionNames().contains(session.connectionName()));
        QVERIFY(qobject_cast<PgSqlDriver *>(session.database().driver()));
        QVERIFY(session.database().isOpen());
        QVERIFY(session.connectionName().startsWith(Session::connectionNamePrefix()));
        // The driver's connection is the session's: the same backend answers both.
        QSqlQuery q(session.database());
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        QCOMPARE(q.value(0).toInt(), session.pg().backendPid());
        const QVariant handle = session.database().driver()->handle();
        QVERIFY(handle.isValid());
        QCOMPARE(*static_cast<PGconn *const *>(handle.constData()), session.pg().handle());
        QCOMPARE(db.scalar("SELECT application_name FROM pg_stat_activity WHERE pid = $1",
                           {session.backendPid()}),
                 QStringLiteral("uaip-admin test"));
        Session other(specFor(db));
        QVERIFY(opened(other));
        QVERIFY(other.connectionName() != session.connectionName());
        const QString name = session.connectionName();
        session.close();
        QVERIFY(!QSqlDatabase::connectionNames().contains(name));
    }

    // No setting of the session's own where the database keeps PostgreSQL's defaults: what a
    // transaction pooler would hand on to the pool's next client (QPSQL's open set bytea_output,
    // DateStyle and client_encoding; client_encoding comes in the startup packet here).
    void setsNothingForTheSessionAndKnowsItsDatabase()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        const PgResult r = session.pg().exec(
            "SELECT name, source FROM pg_catalog.pg_settings WHERE source = 'session' "
            "OR name IN ('bytea_output', 'DateStyle', 'client_encoding') ORDER BY name");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.rows(), 3);
        for (int row = 0; row < r.rows(); ++row)
            QVERIFY2(r.value(row, 1) != u"session", qPrintable(r.value(row, 0)));
        QCOMPARE(session.pg().scalar("SHOW bytea_output"), QStringLiteral("hex"));
        QCOMPARE(session.pg().scalar("SELECT '\\x00ff'::bytea::text"), QStringLiteral("\\x00ff"));
        QCOMPARE(session.identity().database, db.name());
        QCOMPARE(session.identity().systemIdentifier,
                 db.scalar("SELECT system_identifier::text FROM pg_control_system()"));
        QVERIFY(session.identity().isKnown());
    }

    // Issue 33, point 5 (and 21/16): opening sends ONE statement of the session's own beyond
    // the connect. Counted as the database's committed transactions (every statement outside a
    // transaction is one, a pipeline up to its Sync is one), read from another database after
    // each backend has ended and flushed them, less what a bare connect costs.
    void openingSendsOneStatement()
    {
        TestDatabase db;
        // A database of its own that nothing else is connected to (a connection's counts
        // arrive whenever it flushes them).
        PgConnection stats;
        QVERIFY(stats.open(TestCluster::sandbox().conninfo(QStringLiteral("postgres"))));
        const QString quiet = db.name() + QStringLiteral("_quiet");
        QVERIFY(stats.exec(QByteArray("CREATE DATABASE ") + quiet.toUtf8()).ok());
        ConnectionProfile p = db.profile();
        p.database = quiet;
        SessionSpec spec = specFor(db);
        spec.profile = p;
        // The commits of work(), the fewest of three tries: an autovacuum worker that visits the
        // new database during a try adds its own transactions (stop 27's CI saw 4 for 2), and
        // a worker visits a database once per naptime, so one of three tries is clean.
        const auto commitsOf = [&](const std::function<void()> &work) {
            qint64 fewest = -1;
            for (int attempt = 0; attempt < 3; ++attempt) {
                const qint64 before = settledCommits(stats, quiet);
                work();
                const qint64 after = settledCommits(stats, quiet);
                if (before < 0 || after < 0)
                    return qint64(-1);
                if (fewest < 0 || after - before < fewest)
                    fewest = after - before;
            }
            return fewest;
        };
        const qint64 connecting = commitsOf([&] {
            PgConnection bare;
            QVERIFY2(bare.open(spec.conninfo()), qPrintable(bare.connectionError()));
        });
        const qint64 opening = commitsOf([&] {
            Session session(spec);
            QVERIFY(opened(session));
        });
        // The first page's catalog read: the relation, its columns, constraints and
        // referencing foreign keys in one pipeline (one round trip, was two, before that four).
        {
            PgConnection ddl;
            QVERIFY(ddl.open(TestCluster::sandbox().conninfo(quiet)));
            QVERIFY(ddl.exec("CREATE TABLE t (id int PRIMARY KEY)").ok());
        }
        const qint64 reading = commitsOf([&] {
            Session session(spec);
            QVERIFY(opened(session));
            const Result<TableInfo> table = CatalogReader::readTable(
                session.pg(), QStringLiteral("public"), QStringLiteral("t"));
            QVERIFY(table.ok());
            QCOMPARE(table.value().primaryKey.size(), 1);
        });
        stats.exec(QByteArray("DROP DATABASE ") + quiet.toUtf8() + " WITH (FORCE)");
        QVERIFY(connecting >= 0 && opening >= 0 && reading >= 0);
        QCOMPARE(opening - connecting, qint64(1)); // the session's statement
        QCOMPARE(reading - connecting, qint64(2)); // + the catalog read
    }

    // QSqlQuery on the session: every value bound as a parameter, stored exactly (text that
    // would end a literal or a statement, NULLs, bytes, 40 digits of numeric), and read back
    // exactly with the columns' types, forward or at random over one result.
    void queriesBindEveryValueAndReadItBackExactly()
    {
        TestDatabase db;
        db.scalar("CREATE TABLE v (id int PRIMARY KEY, t text, b bytea, n numeric, f float8, "
                  "d date, ts timestamptz, j jsonb, ok boolean, big int8)");
        Session session(specFor(db));
        QVERIFY(opened(session));
        const QString text = QStringLiteral("it's; DROP TABLE v; --\n\"x\"\r\\ $1 ?");
        const QByteArray bytes("\x00\x01'\\\xff;\n", 7);
        const QString numeric = QStringLiteral("1234567890123456789012345678901234.567890");
        const QDateTime at(QDate(2024, 3, 31), QTime(1, 30, 0, 123), Qt::UTC);
        const QString json = QStringLiteral("{\"a\": [1, \"?\"]}");
        const QVariantList values{1,     text,
                                  bytes, numeric,
                                  0.1,   QDate(2024, 2, 29),
                                  at,    json,
                                  true,  qint64(9007199254740993LL)};
        QSqlQuery q(session.database());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
        for (const QVariant &v : values)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO v (id, t, b, n) VALUES (:id, :t, :b, :n)")));
        q.bindValue(QStringLiteral(":id"), 2);
        q.bindValue(QStringLiteral(":t"), QVariant(QMetaType::fromType<QString>()));
        q.bindValue(QStringLiteral(":b"), QVariant(QMetaType::fromType<QByteArray>()));
        q.bindValue(QStringLiteral(":n"), QVariant(QMetaType::fromType<QString>()));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        // what the server stored is what was bound
        QCOMPARE(db.scalar("SELECT t FROM v WHERE id = 1"), text);
        QCOMPARE(db.scalar("SELECT encode(b, 'hex') FROM v WHERE id = 1"),
                 QString::fromLatin1(bytes.toHex()));
        QCOMPARE(db.scalar("SELECT n::text FROM v WHERE id = 1"), numeric);
        QCOMPARE(db.scalar("SELECT count(*) FROM v WHERE id = 2 AND t IS NULL AND b IS NULL "
                           "AND n IS NULL"),
                 QStringLiteral("1"));

        QVERIFY(
            q.exec(QStringLiteral("SELECT id, t, b, n, f, d, ts, j, ok, big FROM v ORDER BY id")));
        QCOMPARE(q.size(), 2);
        const QList<int> types{QMetaType::Int,       QMetaType::QString, QMetaType::QByteArray,
                               QMetaType::QString,   QMetaType::Double,  QMetaType::QDate,
                               QMetaType::QDateTime, QMetaType::QString, QMetaType::Bool,
                               QMetaType::LongLong};
        QCOMPARE(q.record().count(), int(types.size()));
        QCOMPARE(q.record().fieldName(3), QStringLiteral("n"));
        QVERIFY(q.next());
        for (int i = 0; i < types.size(); ++i) {
            QCOMPARE(q.record().field(i).metaType().id(), types.at(i));
            QCOMPARE(q.value(i), values.at(i));
        }
        QVERIFY(q.next());
        for (int i = 1; i <= 3; ++i) { // NULL: a null value of the column's type
            QVERIFY(q.isNull(i) && q.value(i).isNull());
            QCOMPARE(q.value(i).metaType().id(), types.at(i));
        }
        QVERIFY(!q.next());
        QVERIFY(q.first() && q.value(0).toInt() == 1);
        QVERIFY(q.last() && q.value(0).toInt() == 2);
        QVERIFY(q.seek(0) && q.value(0).toInt() == 1);
        QVERIFY(!q.seek(2));
        QSqlQuery forward(session.database());
        forward.setForwardOnly(true);
        QVERIFY(forward.exec(QStringLiteral("SELECT g FROM generate_series(1, 3) g")));
        int sum = 0;
        while (forward.next())
            sum += forward.value(0).toInt();
        QCOMPARE(sum, 6);
    }

    // QSqlQuery sends one statement per request, says an error's SQLSTATE, leaves no prepared
    // statement on the server, and never holds the connection from libpq.
    void queriesAreOneStatementEach()
    {
        TestDatabase db;
        db.scalar("CREATE TABLE v (id int)");
        Session session(specFor(db));
        QVERIFY(opened(session));
        QSqlQuery q(session.database());
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM no_such_table")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42P01"));
        QVERIFY(!q.exec(QStringLiteral("SELECT 1; INSERT INTO v VALUES (1)")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42601"));
        QCOMPARE(db.scalar("SELECT count(*) FROM v"), QStringLiteral("0"));
        // with $n placeholders of its own, a ? stays the jsonb operator
        QVERIFY(q.prepare(QStringLiteral("SELECT $1::jsonb ? 'a'")));
        q.addBindValue(QStringLiteral("{\"a\": 1}"));
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0), QVariant(true));
        QCOMPARE(session.pg().scalar("SELECT count(*) FROM pg_catalog.pg_prepared_statements"),
                 QStringLiteral("0"));
        // a query alive meanwhile does not keep libpq from the connection
        QVERIFY(q.exec(QStringLiteral("SELECT g FROM generate_series(1, 2) g")) && q.next());
        QCOMPARE(session.pg().scalar("SELECT 7"), QStringLiteral("7"));
        QVERIFY(q.next() && q.value(0).toInt() == 2);
    }

    // The session's settings whatever the database configures: client_encoding UTF8 and
    // DateStyle ISO output (keeping the database's date order); bytea_output hex.
    void sessionSettingsOverrideDatabaseDefaults()
    {
        TestDatabase db;
        db.scalar(QByteArray("ALTER DATABASE ") + db.name().toUtf8()
                  + " SET DateStyle = 'SQL, DMY'");
        db.scalar(QByteArray("ALTER DATABASE ") + db.name().toUtf8()
                  + " SET bytea_output = 'escape'");
        db.scalar(QByteArray("ALTER DATABASE ") + db.name().toUtf8()
                  + " SET client_encoding = 'LATIN1'");
        Session session(specFor(db));
        QVERIFY(opened(session));
        const PgResult r = session.pg().exec(
            "SELECT current_setting('DateStyle'), current_setting('client_encoding'), "
            "current_setting('bytea_output'), '\\x00ff'::bytea::text, now()::timestamp(0)::text ~ "
            "'^[0-9]{4}-[0-9]{2}-[0-9]{2} '");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value(0, 0), QStringLiteral("ISO, DMY"));
        QCOMPARE(r.value(0, 1), QStringLiteral("UTF8"));
        QCOMPARE(r.value(0, 2), QStringLiteral("hex"));
        QCOMPARE(r.value(0, 3), QStringLiteral("\\x00ff"));
        QCOMPARE(r.value(0, 4), QStringLiteral("t"));
        QCOMPARE(QByteArray(pg_encoding_to_char(PQclientEncoding(session.pg().handle()))),
                 QByteArray("UTF8"));
        QSqlQuery q(session.database());
        QVERIFY(q.exec(QStringLiteral("SELECT DATE '2024-02-29'")) && q.next());
        QCOMPARE(q.value(0).toDate(), QDate(2024, 2, 29));
    }

    // The session is one connection from open() on: QSqlQuery and pg() reach one backend, the
    // canceller reaches a statement running on it.
    void theSessionIsOneConnectionFromTheStart()
    {
        TestDatabase db;
        Session session(specFor(db, 2000));
        QVERIFY(opened(session));
        {
            QSqlDatabase database = session.database();
            QVERIFY(database.isOpen());
            QCOMPARE(Session::openConnections(), 1);
            QSqlQuery q(database);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
            QCOMPARE(q.value(0).toInt(), session.backendPid());
        }
        // checking the settings of a fresh session sends nothing: both are as reported (the
        // count in this case's database: other tests' sessions share the application name)
        QCOMPARE(QByteArray(pg_encoding_to_char(PQclientEncoding(session.pg().handle()))),
                 QByteArray("UTF8"));
        QVERIFY(
            QByteArray(PQparameterStatus(session.pg().handle(), "DateStyle")).startsWith("ISO"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                           "'uaip-admin test' AND datname = current_database()"),
                 QStringLiteral("1"));
        std::shared_ptr<SessionCanceller> canceller = session.canceller();
        // the cancel, once the server runs the sleep
        QTimer watch;
        watch.setInterval(10);
        connect(&watch, &QTimer::timeout, &watch, [&] {
            if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                          "'uaip-admin test' AND datname = current_database() "
                          "AND query = 'SELECT pg_sleep(20)' "
                          "AND state = 'active'")
                == QLatin1String("1")) {
                watch.stop();
                canceller->cancel();
            }
        });
        watch.start();
        std::thread sleeper;
        PgResult slept;
        {
            // the cancel comes from the GUI thread's timer while this thread waits on the server
            QEventLoop loop;
            sleeper = std::thread([&] {
                slept = session.pg().exec("SELECT pg_sleep(20)");
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            });
            loop.exec();
        }
        sleeper.join();
        QVERIFY(!slept.ok());
        QCOMPARE(slept.error().sqlState, QStringLiteral("57014")); // query_canceled
        QVERIFY(!canceller->wasCut()); // cancelled on the server, not cut after the grace
        QVERIFY(session.isOpen());
        session.close();
        QCOMPARE(Session::openConnections(), 0);
    }

    // A connect to something that accepts the connection and never answers, with no
    // connect_timeout: only a cancel from another thread can end it, and it does, saying so.
    // Through PgConnection (the CLI's path) and through a job's session (the GUI's).
    void aConnectThatNeverAnswersIsCancelled()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const ConnectionProfile profile = blackhole(server);
        PgConnection conn;
        std::atomic_bool ended{false};
        bool opened = true;
        std::thread opener([&] {
            opened = conn.open(profile.conninfo(QStringLiteral("pw"))
                               + QStringLiteral(" connect_timeout=0"));
            ended = true;
        });
        // the connect reached the socket (the kernel took it; nobody answers)
        const bool reached = QTest::qWaitFor([&] { return server.hasPendingConnections(); }, 30000);
        const bool waiting = !ended;
        conn.cancel();
        const bool cancelled = QTest::qWaitFor([&] { return ended.load(); }, 30000);
        while (!cancelled && server.hasPendingConnections()) // else: end it, to fail, not hang
            delete server.nextPendingConnection();
        opener.join();
        QVERIFY(reached && waiting && cancelled);
        QVERIFY(!opened);
        QVERIFY2(conn.connectFailure().cancelled(), qPrintable(conn.connectionError()));

        // A job's cancel ends its session's open (the worker would wait for ever otherwise).
        SessionSpec spec = SessionSpec::from(blackhole(server), QStringLiteral("pw"),
                                             QStringLiteral("blackhole"));
        spec.connectTimeoutSeconds = 0;
        SessionWorker worker(spec, QStringLiteral("blackhole"));
        auto *job = sqlJob("SELECT 1");
        QSignalSpy finished(job, &Job::finished);
        const auto end = watchEnd(job);
        while (server.hasPendingConnections())
            delete server.nextPendingConnection();
        worker.post(job);
        QVERIFY(QTest::qWaitFor([&] { return server.hasPendingConnections(); }, 30000));
        QVERIFY(finished.isEmpty());
        job->cancel();
        QVERIFY(QTest::qWaitFor([&] { return end->finished; }, 30000));
        QCOMPARE(end->ok, false);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
    }

    // A unit of work finds DateStyle or client_encoding changed under it (a pooler that does
    // not track them) and restores them; checking costs no round trip when nothing changed.
    void aUnitOfWorkRestoresTheSettingsItNeeds()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        QVERIFY(session.pg().exec("SET DateStyle = 'SQL, DMY'").ok());
        QVERIFY(session.pg().exec("SET client_encoding = 'LATIN1'").ok());
        QVERIFY(session.beginUnitOfWork().ok());
        QCOMPARE(session.pg().scalar("SHOW DateStyle"), QStringLiteral("ISO, DMY"));
        QCOMPARE(session.pg().scalar("SHOW client_encoding"), QStringLiteral("UTF8"));
    }

    void opensWhereTheServerRefusesPgControlSystem()
    {
        TestDatabase db;
        db.scalar("REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC");
        db.scalar("DROP ROLE IF EXISTS uaip_plain_session");
        db.scalar("CREATE ROLE uaip_plain_session LOGIN PASSWORD 'uaip-test-login'");
        SessionSpec spec = specFor(db);
        spec.profile.user = QStringLiteral("uaip_plain_session");
        Session plain(spec);
        QVERIFY(opened(plain));
        QVERIFY(plain.identity().isKnown());
        QVERIFY2(plain.identity().systemIdentifier.startsWith(QStringLiteral("server ")),
                 qPrintable(plain.identity().systemIdentifier));
        QCOMPARE(plain.pg().scalar("SHOW bytea_output"), QStringLiteral("hex"));
        QVERIFY(qobject_cast<PgSqlDriver *>(plain.database().driver()));
        Session second(spec);
        QVERIFY(opened(second));
        QCOMPARE(second.identity(), plain.identity());
        plain.close();
        second.close();
        db.scalar("DROP ROLE uaip_plain_session");
    }
};

QTEST_GUILESS_MAIN(TestSessionOpen)
#include "tst_sessionopen.moc"
