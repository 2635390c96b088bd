// The SQL console behind a transaction pooler (issue 33: "nothing the console sets leaks to
// another client of a pool"). A real PgBouncer, pool_mode = transaction, one server connection:
// the console's session and a plain client share one backend. The console's statement timeout
// is kept by the client (a cancel request), standard_conforming_strings is read from what the
// server reports and set per transaction only; the GUI session's bytea_output is the server's.
#include "db/session.h"
#include "pgbouncer.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlguardtestutil.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QElapsedTimer>
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
        // Not only the value: nothing set it on this backend. QPSQL's open sends `SET
        // bytea_output TO escape`; kept from the server (QpsqlOpenGuard), or with several pooled
        // backends it stays on whichever one the pooler gave it (bench_qpsql_pooler).
        const QString source
            = plain.scalar("SELECT source FROM pg_catalog.pg_settings WHERE name = 'bytea_output'");
        QVERIFY2(
            source == u"default",
            qPrintable(
                QStringLiteral("%1: bytea_output set by the %2").arg(QLatin1String(when), source)));
    }

private slots:
    void nothingLeaksToTheNextClient()
    {
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        Sandbox &server = TestCluster::sandbox();
        PgBouncer::Options options;
        options.mode = PgBouncer::PoolMode::Transaction;
        options.poolSize = 1;
        options.users = {QLatin1String(kConsoleAppRole)};
        PgBouncer bouncer(server.socketDir(), server.port(), options);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.error()));

        ConnectionProfile profile = db.profile();
        profile.name = QStringLiteral("through the pooler");
        profile.host = bouncer.socketDir();
        profile.port = bouncer.port();
        profile.user = QLatin1String(kConsoleAppRole);
        profile.sslMode = QStringLiteral("disable");
        Session session(SessionSpec::from(profile, QString(), QStringLiteral("test console")));
        const DbStatus opened = session.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));

        SqlRunner runner;
        SqlRunRequest req = SqlRunRequest::forScript("SELECT count(*) FROM t; SHOW bytea_output");
        req.statementTimeoutMs = 4000;
        SqlRunResult r = runner.run(session.pg(), req);
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        // the GUI session reads the server's bytea_output, whatever QPSQL set on open
        QCOMPARE(r.results.at(1).rows.at(0).at(0).toString(), QStringLiteral("hex"));

        PgConnection plain;
        QVERIFY2(plain.open(bouncer.conninfo(db.name(), QLatin1String(kConsoleAppRole)),
                            QStringLiteral("uaip-test-plain")),
                 qPrintable(plain.connectionError()));
        // one server connection: the plain client is on the console's backend
        settingsAreTheServers(plain, "after a run with a timeout");

        // the timeout still stops a statement, through a cancel request, and says so
        req = SqlRunRequest::forScript("SELECT pg_sleep(30)");
        req.statementTimeoutMs = 300;
        QElapsedTimer t;
        t.start();
        r = runner.run(session.pg(), req);
        QVERIFY(r.error);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.error->error.sqlState, QStringLiteral("57014"));
        QVERIFY2(r.error->error.message.contains(u"cancelled after 0.3 s (statement timeout)"),
                 qPrintable(r.error->error.message));
        QVERIFY(!r.cancelled);
        settingsAreTheServers(plain, "after a timed-out run");
        // the console's session works on, and its next statement is not cancelled late
        r = runner.run(session.pg(), SqlRunRequest::forScript("SELECT 7"));
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
        QCOMPARE(r.results.at(0).rows.at(0).at(0).toString(), QStringLiteral("7"));
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
        QCOMPARE(r.error->kind, SqlRunError::Kind::Refused);
        QCOMPARE(r.error->position.toString(), QStringLiteral("2:1"));
        QVERIFY2(r.error->error.message.contains(u"standard_conforming_strings"),
                 qPrintable(r.error->error.message));
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
