// Opening a Session: through QSqlDatabase (QPSQL) from the start (issue 33, point 5), one
// statement of its own beyond QPSQL's, the settings a unit of work checks, read-only intent
// kept per transaction, and the fallbacks (issue 21, point 16).
#include "browse/catalogreader.h"
#include "db/databaseidentity.h"
#include "db/pgconnection.h"
#include "db/qpsqlopenguard.h"
#include "db/session.h"
#include "db/sessioncanceller.h"
#include "db/transactionguard.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "sessiontestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QEventLoop>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>
#include <thread>

#include <libpq-fe.h>

using namespace uaip;
using namespace uaip::test;

class TestSessionOpen : public QObject
{
    Q_OBJECT

private slots:
    void opensAQpsqlConnectionUnderItsOwnName()
    {
        TestDatabase db;
        Session session(specFor(db));
        QVERIFY(opened(session));
        QVERIFY(QSqlDatabase::connectionNames().contains(session.connectionName()));
        QCOMPARE(session.database().driverName(), QStringLiteral("QPSQL"));
        QVERIFY(session.connectionName().startsWith(Session::connectionNamePrefix()));
        // The adopted handle is the driver's own: the same backend answers both.
        QSqlQuery q(session.database());
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        QCOMPARE(q.value(0).toInt(), session.pg().backendPid());
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

    // QPSQL's `SET bytea_output TO escape` never reaches the server (QpsqlOpenGuard): the
    // session's bytea_output is the server's own, set by nobody; a bare QPSQL open still sends it.
    void keepsQpsqlByteaEscapeFromTheServerAndKnowsItsDatabase()
    {
        TestDatabase db;
        const quint64 swallowedBefore = QpsqlOpenGuard::swallowed();
        Session session(specFor(db));
        QVERIFY(opened(session));
        QCOMPARE(QpsqlOpenGuard::swallowed(), swallowedBefore + 1);
        QCOMPARE(session.pg().scalar("SHOW bytea_output"), QStringLiteral("hex"));
        QCOMPARE(session.pg().scalar(
                     "SELECT source FROM pg_catalog.pg_settings WHERE name = 'bytea_output'"),
                 QStringLiteral("default"));
        {
            QSqlDatabase bare
                = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bare escape"));
            const ConnectionProfile p = db.profile();
            bare.setHostName(p.host);
            bare.setPort(p.port);
            bare.setDatabaseName(p.database);
            bare.setUserName(p.user);
            QVERIFY2(bare.open(), qPrintable(bare.lastError().text()));
            QSqlQuery q(bare);
            QVERIFY(q.exec(QStringLiteral("SHOW bytea_output")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("escape"));
            q.finish();
            bare.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bare escape"));
        QCOMPARE(QpsqlOpenGuard::swallowed(), swallowedBefore + 1);
        QCOMPARE(session.pg().scalar("SELECT '\\x00ff'::bytea::text"), QStringLiteral("\\x00ff"));
        QCOMPARE(session.identity().database, db.name());
        QCOMPARE(session.identity().systemIdentifier,
                 db.scalar("SELECT system_identifier::text FROM pg_control_system()"));
        QVERIFY(session.identity().isKnown());
    }

    // Issue 33, point 5 (and 21/16): the session is QPSQL's connection, and opening it sends
    // ONE statement of the session's own beyond what QSqlDatabase::open() sends. Counted as the
    // database's committed transactions (every simple query is one, a pipeline up to its Sync
    // is one), read from another database after each backend has ended and flushed them, less
    // what a bare QPSQL open costs.
    void openingSendsNoMoreStatementsThanQpsql()
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
        const qint64 qpsql = commitsOf([&] {
            {
                QSqlDatabase bare
                    = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bare"));
                bare.setHostName(p.host);
                bare.setPort(p.port);
                bare.setDatabaseName(quiet);
                bare.setUserName(p.user);
                QVERIFY2(bare.open(), qPrintable(bare.lastError().text()));
                bare.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("bare"));
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
            const DbResult<TableInfo> table = CatalogReader::readTable(
                session.pg(), QStringLiteral("public"), QStringLiteral("t"));
            QVERIFY(table.ok());
            QCOMPARE(table.value().primaryKey.size(), 1);
        });
        stats.exec(QByteArray("DROP DATABASE ") + quiet.toUtf8() + " WITH (FORCE)");
        QVERIFY(qpsql > 0 && opening >= 0 && reading >= 0);
        // QPSQL's five less its SET bytea_output (QpsqlOpenGuard), plus the session's statement
        QCOMPARE(opening - qpsql, qint64(0));
        QCOMPARE(reading - qpsql, qint64(1)); // + the catalog read
    }

    // The session's settings whatever the database configures: client_encoding UTF8 and
    // DateStyle ISO output (keeping the database's date order, as QPSQL's SET does);
    // bytea_output hex (QPSQL's escape undone).
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
        // QPSQL's PQsetClientEncoding spells it UNICODE, an alias the server reports as UTF8
        QVERIFY2(QStringList({QStringLiteral("UTF8"), QStringLiteral("UNICODE")})
                     .contains(r.value(0, 1)),
                 qPrintable(r.value(0, 1)));
        QCOMPARE(r.value(0, 2), QStringLiteral("hex"));
        QCOMPARE(r.value(0, 3), QStringLiteral("\\x00ff"));
        QCOMPARE(r.value(0, 4), QStringLiteral("t"));
        QCOMPARE(QByteArray(pg_encoding_to_char(PQclientEncoding(session.pg().handle()))),
                 QByteArray("UTF8"));
    }

    // The session IS the QPSQL connection from open() on: QSqlQuery and pg() reach one backend,
    // the canceller reaches a statement running on it.
    void theSessionIsQpsqlFromTheStart()
    {
        TestDatabase db;
        Session session(specFor(db, 2000));
        QVERIFY(opened(session));
        {
            QSqlDatabase qpsql = session.database();
            QVERIFY(qpsql.isOpen());
            QCOMPARE(Session::openQpsqlConnections(), 1);
            QSqlQuery q(qpsql);
            QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
            QCOMPARE(q.value(0).toInt(), session.backendPid());
        }
        // checking the settings of a fresh session sends nothing: both are as reported
        QCOMPARE(QByteArray(pg_encoding_to_char(PQclientEncoding(session.pg().handle()))),
                 QByteArray("UTF8"));
        QVERIFY(
            QByteArray(PQparameterStatus(session.pg().handle(), "DateStyle")).startsWith("ISO"));
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                           "'uaip-admin test'"),
                 QStringLiteral("1"));
        std::shared_ptr<SessionCanceller> canceller = session.canceller();
        // the cancel, once the server runs the sleep
        QTimer watch;
        watch.setInterval(10);
        connect(&watch, &QTimer::timeout, &watch, [&] {
            if (db.scalar("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                          "'uaip-admin test' AND query = 'SELECT pg_sleep(20)' "
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
        QCOMPARE(Session::openQpsqlConnections(), 0);
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
        QCOMPARE(plain.database().driverName(), QStringLiteral("QPSQL"));
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
