// The migration engine attacked at its ledger write (issue 19, point 6 and the plan check's
// re-read): a script that releases the runner's lock where no plan check sees it (inside a
// function), applied or rolled back; a ledger row another run wrote; a file edited on disk
// between the load and the run. Each case ran against the real sandbox and showed the defect
// before its fix.
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestMigrationLedgerWrites : public QObject
{
    Q_OBJECT

private slots:
    // Point 6: a migration that releases the lock where no plan check can see it (inside a
    // function) is stopped at its ledger write; and a ledger row some other run wrote for a
    // pending migration is never overwritten (a plain INSERT, not an upsert).
    void theLedgerWriteChecksTheLockAndNeverOverwrites()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_sneaky"),
              "CREATE FUNCTION let_go() RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE 'SELECT pg_advisory_' || 'unlock_all()'; END $$;\n"
              "SELECT let_go();\n",
              "DROP FUNCTION let_go();\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(mentions(up, QStringLiteral("lock")), qPrintable(describe(up)));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT to_regprocedure('let_go()') IS NULL"), QStringLiteral("t"));

        TestDatabase db2;
        MigrationFolder g;
        // 0001 writes 0002's ledger row, as a second runner would have meanwhile
        g.add(QStringLiteral("0001_users"),
              kUsersUp
                  + "INSERT INTO uaip_ledger.uaip_schema_migrations (version, name, checksum) "
                    "VALUES ('0002', 'seed', 'by-someone-else');\n",
              kUsersDown);
        g.add(QStringLiteral("0002_seed"), "INSERT INTO users VALUES (2, 'b@example.org');\n",
              "DELETE FROM users WHERE id = 2;\n");
        Engine e2(g.path(), db2.conninfo());
        const RunResult twice = e2.runner->up();
        QCOMPARE(twice.outcome, RunResult::Outcome::Failed);
        QVERIFY2(mentions(twice, QStringLiteral("0002")), qPrintable(describe(twice)));
        QCOMPARE(db2.scalar("SELECT count(*) FROM users"), QStringLiteral("1"));
        QCOMPARE(db2.scalar("SELECT checksum FROM uaip_ledger.uaip_schema_migrations "
                            "WHERE version = '0002'"),
                 QStringLiteral("by-someone-else"));
    }

    // Point 6, rolling back: a down.sql that lets the runner's lock go through a function (the
    // plan check sees only direct calls) is rolled back at its ledger write, as an apply is;
    // the ledger keeps the row and the function is still there.
    void theRollbackLedgerWriteChecksTheLock()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_sneaky"),
              "CREATE FUNCTION let_go() RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE 'SELECT pg_advisory_' || 'unlock_all()'; END $$;\n",
              "SELECT let_go();\nDROP FUNCTION let_go();\n");
        Engine e(f.path(), db.conninfo());
        QCOMPARE(e.runner->up().outcome, RunResult::Outcome::Ok);
        const RunResult down = e.runner->down({});
        QCOMPARE(down.outcome, RunResult::Outcome::Failed);
        QVERIFY2(mentions(down, QStringLiteral("lock")), qPrintable(describe(down)));
        QCOMPARE(ledgerCount(db), 2);
        QCOMPARE(db.scalar("SELECT to_regprocedure('let_go()') IS NULL"), QStringLiteral("f"));
    }

    // A file edited between the load and the run (an editor saving while a run waits for the
    // lock) is refused by the plan check, whatever its new size: the run would otherwise
    // record the loaded text's checksum for SQL it never ran. Nothing runs.
    void aFileChangedOnDiskAfterItWasReadIsRefused_data()
    {
        QTest::addColumn<QByteArray>("edited");
        QTest::newRow("same size") << QByteArray(kUsersUp).replace("users", "usErs");
        QTest::newRow("longer") << kUsersUp + "-- and more\n";
        QTest::newRow("shorter") << kUsersUp.left(kUsersUp.size() - 2);
    }

    void aFileChangedOnDiskAfterItWasReadIsRefused()
    {
        QFETCH(QByteArray, edited);
        QVERIFY(edited != kUsersUp);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        Engine e(f.path(), db.conninfo());
        f.write(QStringLiteral("0001_users/up.sql"), edited);
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(mentions(up, QStringLiteral("changed on disk")), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT to_regclass('users') IS NULL"), QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationLedgerWrites)
#include "tst_migrationledgerwrites.moc"
