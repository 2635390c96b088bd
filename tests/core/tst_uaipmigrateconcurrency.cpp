// uaip-migrate as a process, under concurrency and crashes: concurrent runners apply once,
// kill -9 in the middle of a migration, and a killed no-transaction migration repaired. The
// runners and the killed run are processes; the commands before and after a kill run in the
// test's process (InProcessCli): what they answer is what is checked.
#include "uaipmigratetestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// Runs uaip-migrate with args as a process and kills it (SIGKILL) while its script sleeps
// (statement 2 of 3); returns once its session is gone.
void killedInTheSleep(TestDatabase &db, const QStringList &args)
{
    QProcess p;
    p.start(TestCluster::migrateBinary(), args);
    QTRY_VERIFY_WITH_TIMEOUT(
        db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND query LIKE 'SELECT pg_sleep(120)%'")
            == QLatin1String("1"),
        30000);
    p.kill(); // SIGKILL, between statement 1 and 3
    QVERIFY(p.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(
        db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND application_name = 'uaip-migrate'")
            == QLatin1String("0"),
        30000);
}

} // namespace

class TestUaipMigrateConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void concurrentRunnersApplyOnce_data()
    {
        QTest::addColumn<int>("runners");
        QTest::newRow("2 runners") << 2;
        QTest::newRow("10 runners") << 10;
    }

    void concurrentRunnersApplyOnce()
    {
        QFETCH(int, runners);
        TestDatabase db;
        MigrationFolder f;
        for (int i = 1; i <= 6; ++i)
            f.add(QStringLiteral("%1_step").arg(i, 4, 10, QLatin1Char('0')),
                  QStringLiteral("CREATE TABLE t%1 (id int);\nSELECT pg_sleep(0.05);\n"
                                 "INSERT INTO t%1 VALUES (%1);\n")
                      .arg(i)
                      .toUtf8(),
                  QStringLiteral("DROP TABLE t%1;\n").arg(i).toUtf8());
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < runners; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessChannelMode(QProcess::MergedChannels);
            p->start(TestCluster::migrateBinary(),
                     on(db, f.path()) << QStringLiteral("--lock-timeout") << QStringLiteral("60s")
                                      << QStringLiteral("up"));
            procs.push_back(std::move(p));
        }
        for (auto &p : procs) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("6"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'apply'"),
            QStringLiteral("6"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE outcome <> 'ok'"),
            QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT sum(id) FROM (SELECT id FROM t1 UNION ALL SELECT id FROM t6) x"),
                 QStringLiteral("7"));
    }

    void killDashNineMidMigration_data()
    {
        QTest::addColumn<bool>("noTransaction");
        QTest::newRow("transactional") << false;
        QTest::newRow("no-transaction") << true;
    }

    void killDashNineMidMigration()
    {
        QFETCH(bool, noTransaction);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const QByteArray header = noTransaction ? "-- uaip:no-transaction\n" : "";
        f.add(QStringLiteral("0003_slow"),
              header
                  + "CREATE TABLE slow_a (id int);\nSELECT pg_sleep(120);\nCREATE TABLE slow_b (id "
                    "int);\n",
              "DROP TABLE IF EXISTS slow_b; DROP TABLE IF EXISTS slow_a;\n");
        QProcess p;
        p.start(TestCluster::migrateBinary(), on(db, f.path()) << QStringLiteral("up"));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE 'SELECT pg_sleep(120)%'")
                == QLatin1String("1"),
            30000);
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        // the server notices the dead client (client_connection_check_interval) and ends it
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND application_name = 'uaip-migrate'")
                == QLatin1String("0"),
            30000);
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'"),
            QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT to_regclass('slow_b') IS NULL"), QStringLiteral("t"));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                      "(SELECT oid FROM pg_database WHERE datname = current_database())"),
            QStringLiteral("0"));
        // the sleep is gone from the file now; the migration is still pending (or dirty); the
        // statement that ran stays as it was (a resume refuses a file whose part that ran was
        // edited, issue 19)
        f.add(QStringLiteral("0003_slow"),
              header + "CREATE TABLE slow_a (id int);\nCREATE TABLE slow_b (id int);\n",
              "DROP TABLE IF EXISTS slow_b; DROP TABLE IF EXISTS slow_a;\n");
        if (noTransaction) {
            // half-applied: the ledger says so and blocks everything until repair
            QCOMPARE(
                db.scalar(
                    "SELECT state FROM uaip_ledger.uaip_schema_migrations WHERE version = '0003'"),
                QStringLiteral("dirty"));
            QCOMPARE(db.scalar("SELECT to_regclass('slow_a') IS NOT NULL"), QStringLiteral("t"));
            QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
            // statement 1 had run: the rest (now without the sleep) runs from statement 2
            const Run resume = migrateInProcess(
                on(db, f.path()) << QStringLiteral("repair") << QStringLiteral("--resume")
                                 << QStringLiteral("3") << QStringLiteral("--yes"));
            QVERIFY2(resume.exitCode == 0, qPrintable(resume.err));
        } else {
            QCOMPARE(db.scalar("SELECT to_regclass('slow_a') IS NULL"), QStringLiteral("t"));
        }
        const Run again = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_schema_migrations WHERE state = 'applied'"),
            QStringLiteral("3"));
    }

    void noTransactionKillDashNineThenRepair_data()
    {
        QTest::addColumn<bool>("down");
        QTest::addColumn<QString>("choice");
        for (const bool down : {false, true})
            for (const char *choice : {"mark-done", "resume", "forget"})
                QTest::addRow("%s %s", down ? "down" : "up", choice)
                    << down << QString::fromLatin1(choice);
    }

    void noTransactionKillDashNineThenRepair()
    {
        QFETCH(bool, down);
        QFETCH(QString, choice);
        TestDatabase db;
        MigrationFolder f;
        addTwo(f);
        const QByteArray up = "-- uaip:no-transaction\nCREATE TABLE s1 (id int);\n"
                              "SELECT pg_sleep(%1);\nCREATE TABLE s2 (id int);\n";
        const QByteArray back = "-- uaip:no-transaction\nDROP TABLE s2;\n"
                                "SELECT pg_sleep(%1);\nDROP TABLE s1;\n";
        auto write = [&](const char *sleep) {
            f.add(QStringLiteral("0003_slow"),
                  down ? QByteArray(up).replace("%1", "0") : QByteArray(up).replace("%1", sleep),
                  QByteArray(back).replace("%1", down ? sleep : "0"));
        };
        write("120");
        if (down)
            QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 0);
        killedInTheSleep(
            db, on(db, f.path()) << (down ? QStringLiteral("down") : QStringLiteral("up")));
        if (QTest::currentTestFailed())
            return;
        // status tells how far it got
        const Run status = migrateInProcess(on(db, f.path()) << QStringLiteral("--json")
                                                             << QStringLiteral("status"));
        const QJsonObject row = status.json()[QStringLiteral("migrations")][2].toObject();
        QCOMPARE(row[QStringLiteral("state")].toString(), QStringLiteral("failed"));
        QVERIFY2(row[QStringLiteral("note")].toString().startsWith(
                     QStringLiteral("%1 stopped after 1 of 3 statement(s); next: ")
                         .arg(down ? QStringLiteral("rollback") : QStringLiteral("apply"))),
                 qPrintable(status.out));
        QVERIFY2(row[QStringLiteral("note")].toString().endsWith(
                     down ? QStringLiteral("down.sql:3:1") : QStringLiteral("up.sql:3:1")),
                 qPrintable(status.out));
        QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
        write("0"); // the sleep is gone: resume runs statements 2 and 3 quickly
        const Run repair = migrateInProcess(
            on(db, f.path()) << QStringLiteral("repair") << QStringLiteral("--") + choice
                             << QStringLiteral("3") << QStringLiteral("--yes"));
        QVERIFY2(repair.exitCode == 0, qPrintable(repair.err + repair.out));
        const QString state
            = db.scalar("SELECT coalesce((SELECT state FROM "
                        "uaip_ledger.uaip_schema_migrations WHERE version = '0003'), "
                        "'none')");
        const QString s1 = db.scalar("SELECT to_regclass('s1') IS NOT NULL");
        const QString s2 = db.scalar("SELECT to_regclass('s2') IS NOT NULL");
        if (!down && choice == QLatin1String("mark-done")) {
            QCOMPARE(state, QStringLiteral("applied"));
            QCOMPARE(s2, QStringLiteral("f")); // not run: the user said it was finished by hand
        } else if (!down && choice == QLatin1String("resume")) {
            QCOMPARE(state, QStringLiteral("applied"));
            QCOMPARE(s1 + s2, QStringLiteral("tt"));
        } else if (!down) { // forget: pending again; undo by hand, then up runs all of it
            QCOMPARE(state, QStringLiteral("none"));
            QVERIFY(db.witness().exec("DROP TABLE s1").ok());
        } else if (choice == QLatin1String("mark-done")) {
            QCOMPARE(state, QStringLiteral("none"));
            QCOMPARE(s1 + s2, QStringLiteral("tf")); // statement 3 was not run for it
            QVERIFY(db.witness().exec("DROP TABLE s1").ok()); // ...the user does it by hand
        } else if (choice == QLatin1String("resume")) {
            QCOMPARE(state, QStringLiteral("none"));
            QCOMPARE(s1 + s2, QStringLiteral("ff"));
        } else { // forget a rollback: it stays applied
            QCOMPARE(state, QStringLiteral("applied"));
            QVERIFY(db.witness().exec("CREATE TABLE s2 (id int)").ok());
            // the ledger kept the down.sql checksum of the run it forgot; the edit is new
            QCOMPARE(migrateInProcess(on(db, f.path()) << QStringLiteral("up")).exitCode, 3);
            QCOMPARE(migrateInProcess(on(db, f.path())
                                      << QStringLiteral("repair") << QStringLiteral("--yes"))
                         .exitCode,
                     0);
        }
        QCOMPARE(db.scalar("SELECT action || ':' || outcome FROM uaip_ledger.uaip_migration_events "
                           "WHERE version = '0003' ORDER BY id DESC LIMIT 1"),
                 choice == QLatin1String("resume")
                     ? (down ? QStringLiteral("rollback:ok") : QStringLiteral("apply:ok"))
                     : QStringLiteral("repair:ok"));
        const Run again = migrateInProcess(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestUaipMigrateConcurrency)
#include "tst_uaipmigrateconcurrency.moc"
