// uaip-migrate sql and explain interrupted (SIGINT, SIGTERM) as processes, as a non-owner role
// (attack finding B7): the statement running then is cancelled at the server, what the command's
// transaction did is rolled back and the command ends Cancelled (exit 1, JSON code "cancelled",
// the statement's place in args); it used to die with its statement left running on the server.
#include "sqlguardtestutil.h"
#include "uaipmigratetestutil.h"
#include "waitfor.h"

#include <QTemporaryDir>

#include <csignal>

using namespace uaip;
using namespace uaip::test;

class TestUaipMigrateSqlInterrupt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void interruptCancelsAndRollsBack_data()
    {
        const QString file = m_dir.filePath(QStringLiteral("tx.sql"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("BEGIN;\nINSERT INTO t VALUES (500);\nSELECT pg_sleep(600);\nCOMMIT;\n");
        f.close();
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("line");
        QTest::newRow("sql, the user's transaction")
            << QStringList{"sql", "-f", file} << int(SIGINT) << 3;
        QTest::newRow("sql, a write")
            << QStringList{"sql", "-c", "SELECT 1;\nINSERT INTO t SELECT 500 FROM pg_sleep(600)"}
            << int(SIGINT) << 2;
        QTest::newRow("sql --read-only, a cursor's rows, SIGTERM")
            << QStringList{"sql", "--read-only", "-c", "SELECT pg_sleep(600)"} << int(SIGTERM) << 1;
        QTest::newRow("explain --analyze")
            << QStringList{"explain", "--analyze", "-c",
                           "\n INSERT INTO t SELECT 500 FROM pg_sleep(600)"}
            << int(SIGINT) << 2;
    }

    void interruptCancelsAndRollsBack()
    {
        QFETCH(QStringList, args);
        QFETCH(int, signal);
        QFETCH(int, line);
        TestDatabase db;
        QVERIFY(makeConsoleFixture(db));
        const QString before = consoleState(db);
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(TestCluster::migrateBinary(),
                QStringList{"--db", appConninfo(db), "--json"} + args);
        QVERIFY(p.waitForStarted());
        // the server runs the statement (its sleep), not a guess of time
        QVERIFY2(waitFor([&] { return sleeping(db) == 1; }, 30000),
                 p.readAllStandardError().constData());
        ::kill(pid_t(p.processId()), signal);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 1, out.constData());
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QCOMPARE(doc.value(u"code").toString(), QStringLiteral("cancelled"));
        QCOMPARE(doc.value(u"ok").toBool(true), false);
        QCOMPARE(doc.value(u"args").toObject().value(u"line").toInt(), line);
        // cancelled at the server, not left running there; nothing of it stays
        QVERIFY(waitFor([&] { return sleeping(db) == 0; }, 10000));
        QCOMPARE(consoleState(db), before);
    }

private:
    // The app role's backends of the database sleeping in pg_sleep, as the server sees them.
    static int sleeping(TestDatabase &db)
    {
        return db
            .scalar("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = "
                    "current_database() AND usename = 'uaip_console_app' AND state = 'active' "
                    "AND wait_event = 'PgSleep'")
            .toInt();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestUaipMigrateSqlInterrupt)
#include "tst_uaipmigratesqlinterrupt.moc"
