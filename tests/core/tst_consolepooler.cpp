// The SQL console behind a transaction pooler (issue 33: "nothing the console sets leaks to
// another client of a pool"). A real PgBouncer, pool_mode = transaction, one server connection:
// the console's session and a plain client share one backend. The console's statement timeout
// is kept by the client (a cancel request), standard_conforming_strings is read from what the
// server reports and set per transaction only; the GUI's sessions (QSqlDatabase on the project's
// driver, no QPSQL and no interposer) leave bytea_output and DateStyle as the server has them.
#include "db/session.h"
#include "pgbouncer.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlguardtestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

class TestConsolePooler : public QObject
{
    Q_OBJECT

    static void settingsAreTheServers(PgConnection &plain, const char *when)
    {
        QVERIFY2(plain.scalar("SHOW statement_timeout") == u"0",
                 qPrintable(QStringLiteral("%1: statement_timeout %2")
                                .arg(QLatin1String(when), plain.scalar("SHOW statement_timeout"))));
        QVERIFY2(plain.scalar("SHOW bytea_output") == u"hex",
                 qPrintable(QStringLiteral("%1: bytea_output %2")
                                .arg(QLatin1String(when), plain.scalar("SHOW bytea_output"))));
        QVERIFY2(plain.scalar("SHOW standard_conforming_strings") == u"on", when);
        QVERIFY2(plain.scalar("SHOW DateStyle") == u"ISO, MDY",
                 qPrintable(QStringLiteral("%1: DateStyle %2")
                                .arg(QLatin1String(when), plain.scalar("SHOW DateStyle"))));
        // Not only the value: nothing set it on this backend. Qt's QPSQL open sends `SET
        // bytea_output TO escape`, which PgBouncer does not track: it stays on whichever pooled
        // backend the pooler gave it, for the pool's next client (bench_qpsql_pooler).
        const QString source
            = plain.scalar("SELECT source FROM pg_catalog.pg_settings WHERE name = 'bytea_output'");
        QVERIFY2(
            source == u"default",
            qPrintable(
                QStringLiteral("%1: bytea_output set by the %2").arg(QLatin1String(when), source)));
    }

    // What a statement of the console could leave on a server session, one per kind.
    static QList<QByteArray> sessionStatements()
    {
        return {
            "SET statement_timeout = 1234",
            "set search_path = public",
            "RESET ALL",
            "SET ROLE uaip_console_app",
            "SET SESSION AUTHORIZATION uaip_console_app",
            "PREPARE leak_p AS SELECT 1",
            "CREATE TEMP TABLE leak_t (id int)",
            "CREATE TEMPORARY TABLE leak_ta AS SELECT 1 AS x",
            "SELECT 1 AS x INTO TEMP leak_si",
            "CREATE TEMP VIEW leak_v AS SELECT 1 AS x",
            "CREATE TEMP SEQUENCE leak_s",
            "CREATE TABLE pg_temp.leak_pt (id int)",
            "CREATE FUNCTION pg_temp.leak_f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "LISTEN leak_channel",
            "DECLARE leak_c CURSOR WITH HOLD FOR SELECT 1",
            "LOAD 'plpgsql'",
            "SELECT pg_advisory_lock(4711)",
            "SELECT pg_catalog.pg_advisory_lock_shared(4711)",
            "SELECT 1 WHERE pg_try_advisory_lock(4711)",
            "SELECT PG_TRY_ADVISORY_LOCK_SHARED(1, 2)",
            "SELECT set_config('statement_timeout', '1234', false)",
            "SELECT pg_catalog.set_config('search_path', 'public', 'f')",
            // issue 57: a search_path for the transaction that makes an unqualified CREATE
            // temporary
            "SET LOCAL search_path = pg_temp",
            "SET LOCAL search_path = public, \"pg_temp\"",
            "SELECT set_config('search_path', 'pg_temp', true)",
            "SELECT set_config('search_path', 'pg_te' || 'mp', true)",
        };
    }

    static void nothingOnTheBackend(PgConnection &plain, const char *when)
    {
        QVERIFY2(plain.scalar("SHOW statement_timeout") == u"0", when);
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_prepared_statements") == u"0",
                 when);
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_class "
                              "WHERE relnamespace = pg_catalog.pg_my_temp_schema()")
                     == u"0",
                 when);
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_proc "
                              "WHERE pronamespace = pg_catalog.pg_my_temp_schema()")
                     == u"0",
                 when);
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_listening_channels()") == u"0",
                 when);
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_cursors WHERE is_holdable")
                     == u"0",
                 when);
        // this backend's own: other tests of the cluster hold advisory locks of their own
        QVERIFY2(plain.scalar("SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = "
                              "'advisory' AND pid = pg_catalog.pg_backend_pid()")
                     == u"0",
                 when);
        QVERIFY2(plain.scalar("SELECT current_user") == QLatin1String(kConsoleAppRole), when);
    }

    // Transaction pooling with one server connection: the console and a plain client of the
    // pool share one backend.
    static PgBouncer::Options oneServerConnection()
    {
        PgBouncer::Options options;
        options.mode = PgBouncer::PoolMode::Transaction;
        options.poolSize = 1;
        options.users = {QLatin1String(kConsoleAppRole)};
        return options;
    }

private slots:
    void nothingLeaksToTheNextClient()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), oneServerConnection());
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));

        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("through the pooler");
        profile.host = bouncer.socketDir();
        profile.port = bouncer.port();
        profile.user = QLatin1String(kConsoleAppRole);
        profile.sslMode = QStringLiteral("disable");
        Session session(SessionSpec::from(profile, QString(), QStringLiteral("test console")));
        const Status opened = session.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));

        SqlRunner runner;
        SqlRunRequest req = SqlRunRequest::forScript("SELECT count(*) FROM t; SHOW bytea_output");
        req.statementTimeoutMs = 4000;
        SqlRunResult r = runner.run(session.pg(), req);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(1).rows.at(0).at(0).toString(), QStringLiteral("hex"));

        PgConnection plain;
        QVERIFY2(plain.open(bouncer.conninfo(db.name(), QLatin1String(kConsoleAppRole)),
                            QStringLiteral("uaip-test-plain")),
                 qPrintable(plain.connectionError()));
        // one server connection: the plain client is on the console's backend
        settingsAreTheServers(plain, "after a run with a timeout");

        // More of the GUI's sessions, opened and closed one after another on that backend, each
        // running a query with bound bytea and date values through QSqlQuery: nothing they leave
        // is seen by the pool's other client.
        for (int i = 0; i < 3; ++i) {
            Session another(SessionSpec::from(profile, QString(), QStringLiteral("test view")));
            const Status open = another.open();
            QVERIFY2(open.ok(), qPrintable(open.error().toString()));
            QSqlQuery q(another.database());
            QVERIFY(q.prepare(QStringLiteral("SELECT ?::bytea, ?::date, count(*) FROM t")));
            const QByteArray bytes("\0'\\;", 4); // NUL, quote, backslash, semicolon
            q.addBindValue(bytes);
            q.addBindValue(QDate(2024, 12, 31));
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            QCOMPARE(q.value(0).toByteArray(), bytes);
            QCOMPARE(q.value(1).toDate(), QDate(2024, 12, 31));
            QVERIFY(another.database().isOpen());
        }
        settingsAreTheServers(plain, "after the GUI's sessions came and went");

        // the timeout still stops a statement, through a cancel request, and says so: 57014
        // (query_canceled) is the server ending pg_sleep(30) before its end (a sleep that ran
        // out would return its row), and no row came back
        req = SqlRunRequest::forScript("SELECT pg_sleep(30)");
        req.statementTimeoutMs = 300;
        r = runner.run(session.pg(), req);
        QVERIFY(r.error);
        QCOMPARE(r.error->error.sqlState(), QStringLiteral("57014"));
        QVERIFY(r.results.isEmpty() || r.results.constLast().rows.isEmpty());
        QVERIFY2(r.error->error.toString().contains(u"cancelled after 0.3 s (statement timeout)"),
                 qPrintable(r.error->error.toString()));
        QVERIFY(!r.cancelled);
        settingsAreTheServers(plain, "after a timed-out run");
        // the console's session works on, and its next statement is not cancelled late
        r = runner.run(session.pg(), SqlRunRequest::forScript("SELECT 7"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(0).rows.at(0).at(0).toString(), QStringLiteral("7"));
    }

    // Behind the pooler, a statement that would leave state on the server session is refused
    // before anything of the script runs, naming its place, what it leaves, the pooler and the
    // fix; the pool's next client finds nothing. SET LOCAL in a transaction and the _xact_ lock
    // run; on a direct connection every statement runs as before.
    void sessionStateIsRefusedBehindThePooler()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer bouncer(server.socketDir(), server.port(), oneServerConnection());
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));
        PgConnection console;
        QVERIFY2(console.open(bouncer.conninfo(db.name(), QLatin1String(kConsoleAppRole)),
                              QStringLiteral("uaip-test-console")),
                 qPrintable(console.connectionError()));
        PgConnection plain;
        QVERIFY2(plain.open(bouncer.conninfo(db.name(), QLatin1String(kConsoleAppRole)),
                            QStringLiteral("uaip-test-plain")),
                 qPrintable(plain.connectionError()));

        SqlRunner runner;
        for (const QByteArray &statement : sessionStatements()) {
            const QByteArray script = "INSERT INTO t VALUES (99);\n  " + statement + ";\nSELECT 1";
            const SqlRunResult r = runner.run(console, SqlRunRequest::forScript(script));
            QVERIFY2(r.error, statement.constData());
            QVERIFY2(r.error->error.code() == ErrorCode::Refused,
                     qPrintable(statement + ": " + r.error->toString()));
            QCOMPARE(r.error->position.toString(), QStringLiteral("2:3"));
            const QString &m = r.error->error.toString();
            QVERIFY2(m.contains(u"2:3") && m.contains(u"connection pooler")
                         && m.contains(u"SET LOCAL") && m.contains(u"direct connection"),
                     qPrintable(m));
            QVERIFY2(r.results.isEmpty(), statement.constData());
            QVERIFY2(db.scalar("SELECT count(*) FROM t WHERE id = 99") == u"0",
                     statement.constData());
            nothingOnTheBackend(plain, statement.constData());
            if (QTest::currentTestFailed())
                return;
        }
        // what it says: the setting's name
        SqlRunResult r = runner.run(console, SqlRunRequest::forScript("SET statement_timeout = 5"));
        QVERIFY(r.error);
        QVERIFY2(r.error->error.toString().contains(u"SET statement_timeout without LOCAL"),
                 qPrintable(r.error->error.toString()));

        // uaip-migrate sql: the same refusal, exit 2, nothing run
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(TestCluster::migrateBinary(),
                  {QStringLiteral("--db"),
                   bouncer.conninfo(db.name(), QLatin1String(kConsoleAppRole)),
                   QStringLiteral("sql"), QStringLiteral("-c"),
                   QStringLiteral("INSERT INTO t VALUES (99);\nPREPARE leak_p AS SELECT 1")});
        QVERIFY(cli.waitForFinished(30000));
        const QString output = QString::fromUtf8(cli.readAll());
        QVERIFY2(cli.exitCode() == 2, qPrintable(output));
        QVERIFY2(output.contains(u"-c:2:1") && output.contains(u"PREPARE leak_p")
                     && output.contains(u"connection pooler"),
                 qPrintable(output));
        QCOMPARE(db.scalar("SELECT count(*) FROM t WHERE id = 99"), QStringLiteral("0"));
        nothingOnTheBackend(plain, "after uaip-migrate sql");

        // transaction-scoped forms run
        r = runner.run(console,
                       SqlRunRequest::forScript(
                           "BEGIN; SET LOCAL statement_timeout = 1234; SET TRANSACTION READ "
                           "WRITE; SELECT set_config('search_path', 'public', true); "
                           "SELECT pg_advisory_xact_lock(4711); SHOW statement_timeout; COMMIT"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(5).rows.at(0).at(0).toString(), QStringLiteral("1234ms"));
        nothingOnTheBackend(plain, "after SET LOCAL and the _xact_ lock");
    }

    // On a direct connection nothing is refused: each statement that leaves session state runs.
    void sessionStateRunsOnADirectConnection()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        PgConnection direct;
        QVERIFY2(direct.open(appConninfo(db), QStringLiteral("uaip-test-direct")),
                 qPrintable(direct.connectionError()));
        SqlRunner directRunner;
        for (const QByteArray &statement : sessionStatements()) {
            if (statement.startsWith("LOAD") || statement.startsWith("RESET ALL"))
                continue; // LOAD needs a superuser; RESET ALL is harmless here
            const SqlRunResult r = directRunner.run(direct, SqlRunRequest::forScript(statement));
            QVERIFY2(r.ok(),
                     qPrintable(statement + ": " + (r.error ? r.error->toString() : QString())));
        }
        QCOMPARE(direct.scalar("SELECT count(*) FROM pg_catalog.pg_prepared_statements"),
                 QStringLiteral("1"));
        QCOMPARE(direct.scalar("SELECT count(*) FROM pg_catalog.pg_listening_channels()"),
                 QStringLiteral("1"));
    }

    // standard_conforming_strings off on the connection (the user's SET, a role setting): the
    // console does not turn it on for the session. A statement without a backslash reads the
    // same and runs; one with a backslash runs in a transaction with it on for that
    // transaction only, and is refused in autocommit.
    void conformingStringsPerTransactionOnly()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        PgConnection c;
        QVERIFY2(c.open(appConninfo(db), QStringLiteral("uaip-test-console")),
                 qPrintable(c.connectionError()));
        QVERIFY(c.exec("SET standard_conforming_strings = off").ok());
        SqlRunner runner;
        SqlRunResult r = runner.run(c, SqlRunRequest::forScript("SELECT 1; SELECT 2"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.size(), 2);

        // a plain SELECT runs in a read transaction of the runner's: the setting on for it only
        r = runner.run(c, SqlRunRequest::forScript("SELECT 'a\\' , '; DELETE FROM t; --'"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(0).rows.at(0).at(1).toString(),
                 QStringLiteral("; DELETE FROM t; --"));
        QCOMPARE(c.scalar("SHOW standard_conforming_strings"), QStringLiteral("off"));
        // autocommit, a statement that runs outside any transaction: refused, nothing set
        r = runner.run(c,
                       SqlRunRequest::forScript(
                           "SELECT 1;\nUPDATE t SET id = id WHERE 'a\\' = '; DELETE FROM t; --'"));
        QVERIFY(r.error);
        QCOMPARE(r.error->error.code(), ErrorCode::Refused);
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:1"));
        QVERIFY2(r.error->error.toString().contains(u"standard_conforming_strings"),
                 qPrintable(r.error->error.toString()));
        QCOMPARE(c.scalar("SHOW standard_conforming_strings"), QStringLiteral("off"));

        SqlRunRequest tx = SqlRunRequest::forScript("SELECT 'a\\' , '; DELETE FROM t; --'");
        tx.autocommit = false;
        r = runner.run(c, tx);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(0).rows.at(0).at(1).toString(),
                 QStringLiteral("; DELETE FROM t; --"));
        QVERIFY(runner.rollback(c).ok());
        QCOMPARE(c.scalar("SHOW standard_conforming_strings"), QStringLiteral("off"));
        QCOMPARE(db.scalar("SELECT count(*) > 0 FROM t"), QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestConsolePooler)
#include "tst_consolepooler.moc"
