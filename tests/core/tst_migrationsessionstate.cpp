// Issue 32: nothing a migration does to the session survives it, against the real sandbox.
// An event trigger that runs user code during a migration the runner thought harmless; a
// temporary table a function made; cursors, LISTENs, prepared statements, advisory locks and
// constraint modes a migration left behind; a per-file lock timeout of 0. Each case failed
// before its fix.
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// An engine whose runs are in one transaction when oneTransaction is set.
struct ModeEngine : Engine
{
    ModeEngine(const QString &dir, const QString &conninfo, bool oneTransaction)
        : Engine(dir, conninfo)
    {
        MigrationRunner::Options o{5000, 5000, QStringLiteral("tst_sessionstate"), std::nullopt};
        o.singleTransaction = oneTransaction;
        runner = std::make_unique<MigrationRunner>(connection, source.migrations(), o);
    }
};

// An event trigger function of 0001 that runs "body" (PL/pgSQL) for every DDL command.
QByteArray eventTriggerMigration(const QByteArray &event, const QByteArray &body)
{
    return "CREATE SCHEMA staging;\n"
           "CREATE TABLE victim (id int);\n"
           "CREATE FUNCTION et_fn() RETURNS event_trigger LANGUAGE plpgsql AS $$\n"
           "BEGIN "
        + body
        + " END $$;\n"
          "CREATE EVENT\n"
          "  TRIGGER et ON "
        + event + " EXECUTE FUNCTION et_fn();\n";
}

} // namespace

class TestMigrationSessionState : public QObject
{
    Q_OBJECT

private slots:
    // P1: a migration of only a DROP, a rename or a COMMENT fires an event trigger that sets
    // the search_path: the next migration still creates its table where it would alone.
    void anEventTriggerInAHarmlessMigrationGetsTheReset_data()
    {
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<QByteArray>("harmless");
        QTest::addColumn<bool>("oneTransaction");
        QTest::newRow("drop") << QByteArray("sql_drop") << QByteArray("DROP TABLE victim;\n")
                              << false;
        QTest::newRow("drop, one transaction")
            << QByteArray("sql_drop") << QByteArray("DROP TABLE victim;\n") << true;
        QTest::newRow("rename") << QByteArray("ddl_command_end")
                                << QByteArray("ALTER TABLE victim RENAME TO victim2;\n") << false;
        QTest::newRow("rename column")
            << QByteArray("ddl_command_end")
            << QByteArray("ALTER TABLE victim RENAME COLUMN id TO id2;\n") << false;
        QTest::newRow("comment") << QByteArray("ddl_command_end")
                                 << QByteArray("COMMENT ON TABLE victim IS 'old';\n") << false;
    }
    void anEventTriggerInAHarmlessMigrationGetsTheReset()
    {
        QFETCH(QByteArray, event);
        QFETCH(QByteArray, harmless);
        QFETCH(bool, oneTransaction);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_trigger"),
              eventTriggerMigration(event,
                                    "PERFORM set_config('search_path', 'staging, public', false);"),
              "DROP EVENT TRIGGER et;\n");
        f.add(QStringLiteral("0002_harmless"), harmless, "SELECT 1;\n");
        f.add(QStringLiteral("0003_accounts"), "CREATE TABLE accounts (id int);\n",
              "DROP TABLE accounts;\n");
        ModeEngine e(f.path(), db.conninfo(), oneTransaction);
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT to_regclass('public.accounts') IS NOT NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT to_regclass('staging.accounts') IS NULL"), QStringLiteral("t"));
        QCOMPARE(ledgerCount(db), 3);
        QVERIFY(
            !e.connection.exec("SHOW search_path").value(0, 0).contains(QStringLiteral("staging")));
    }

    // A Cancel that comes while a step is rolled back to run again (an event trigger fired in a
    // migration taken for harmless) stops the run there: the retry is not sent.
    void aCancelBeforeTheRetryStopsTheRun_data()
    {
        QTest::addColumn<bool>("oneTransaction");
        QTest::addColumn<int>("applied");
        QTest::addColumn<QString>("said");
        QTest::newRow("default") << false << 1 << QStringLiteral("cancelled before 0002");
        // the notice comes with the scripts' answers: the Cancel is seen before the COMMIT
        QTest::newRow("one transaction")
            << true << 0 << QStringLiteral("cancelled after 0003_accounts; nothing was committed");
    }
    void aCancelBeforeTheRetryStopsTheRun()
    {
        QFETCH(bool, oneTransaction);
        QFETCH(int, applied);
        QFETCH(QString, said);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_trigger"),
              eventTriggerMigration("ddl_command_end", "RAISE NOTICE 'et fired';"),
              "DROP EVENT TRIGGER et;\n");
        f.add(QStringLiteral("0002_drop"), "DROP TABLE victim;\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_accounts"), "CREATE TABLE accounts (id int);\n",
              "DROP TABLE accounts;\n");
        ModeEngine e(f.path(), db.conninfo(), oneTransaction);
        // the trigger's notice comes with the answers of the attempt the retry follows
        QObject::connect(e.runner.get(), &MigrationRunner::message, [&](const QString &text) {
            if (text.contains(QStringLiteral("et fired")))
                e.runner->requestStop();
        });
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.cancelled && up.message.contains(said), qPrintable(describe(up)));
        QCOMPARE(ledgerCount(db), applied);
        QCOMPARE(tableExists(db, "victim"), applied > 0); // 0001 makes it
        QVERIFY(!tableExists(db, "accounts"));
    }

    // P1: an event trigger that lets the runner's lock go during a DROP-only migration stops
    // that migration at its ledger write (it was recorded without the lock before, and the
    // next one failed, blaming a file that has neither).
    void anEventTriggerThatReleasesTheLockStopsItsMigration()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_trigger"),
              eventTriggerMigration("sql_drop", "EXECUTE 'SELECT pg_advisory_' || 'unlock_all()';"),
              "DROP EVENT TRIGGER et;\n");
        f.add(QStringLiteral("0002_drop"), "DROP TABLE victim;\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_accounts"), "CREATE TABLE accounts (id int);\n",
              "DROP TABLE accounts;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.message.contains(QStringLiteral("0002"))
                     && mentions(up, QStringLiteral("lock")),
                 qPrintable(describe(up)));
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(tableExists(db, "victim"));
        QVERIFY(!tableExists(db, "accounts"));
    }

    // P4: a temporary table a function made (the file never says TEMP) is gone after the
    // migration: the next one's unqualified name finds the real table, in both modes.
    void aTemporaryTableMadeByAFunctionIsGone_data()
    {
        QTest::addColumn<bool>("oneTransaction");
        QTest::newRow("default") << false;
        QTest::newRow("one transaction") << true;
    }
    void aTemporaryTableMadeByAFunctionIsGone()
    {
        QFETCH(bool, oneTransaction);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_settings"),
              "CREATE TABLE settings (k text, v text);\n"
              "CREATE FUNCTION snapshot_table(tbl text) RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE format('CREATE TEMP TABLE %I AS SELECT * FROM public.%I', tbl, "
              "tbl); END $$;\n",
              "DROP FUNCTION snapshot_table(text);\nDROP TABLE settings;\n");
        f.add(QStringLiteral("0002_snapshot"), "SELECT snapshot_table('settings');\n",
              "SELECT 1;\n");
        f.add(QStringLiteral("0003_feature"), "INSERT INTO settings VALUES ('feature_x', 'on');\n",
              "DELETE FROM settings WHERE k = 'feature_x';\n");
        ModeEngine e(f.path(), db.conninfo(), oneTransaction);
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM public.settings"), QStringLiteral("1"));
        QCOMPARE(e.connection
                     .exec("SELECT count(*) FROM pg_class "
                           "WHERE relnamespace = pg_my_temp_schema()")
                     .value(0, 0),
                 QStringLiteral("0"));
    }

    // P6: a function (made before the run, so no file of the plan says so) that leaves a
    // WITH HOLD cursor, a LISTEN and no prepared statements at all (DEALLOCATE ALL, the
    // runner's own included): the run goes through and the session keeps none of it.
    void cursorsListensAndDeallocationsDoNotSurvive_data()
    {
        QTest::addColumn<bool>("oneTransaction");
        QTest::newRow("default") << false;
        QTest::newRow("one transaction") << true;
    }
    void cursorsListensAndDeallocationsDoNotSurvive()
    {
        QFETCH(bool, oneTransaction);
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE FUNCTION leave() RETURNS void LANGUAGE plpgsql AS $$\n"
                                "BEGIN EXECUTE 'DECLARE held CURSOR WITH HOLD FOR SELECT 1';\n"
                                "EXECUTE 'LISTEN chan'; EXECUTE 'DEALLOCATE ALL'; END $$")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        f.add(QStringLiteral("0002_leave"), "SELECT leave();\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_b"), "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
        ModeEngine e(f.path(), db.conninfo(), oneTransaction);
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(describe(up)));
        QCOMPARE(ledgerCount(db), 3);
        // named cursors: the probe's own statement is a portal too (the unnamed one)
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_cursors WHERE name <> ''").value(0, 0),
                 QStringLiteral("0"));
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_listening_channels()").value(0, 0),
                 QStringLiteral("0"));
    }

    // P6: what the runner cannot undo for a migration is refused, naming it: a session
    // advisory lock on another key, a prepared statement made through EXECUTE. A
    // transaction-level advisory lock ends with the migration and is fine.
    void leftoversTheRunnerCannotUndoAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("named");
        QTest::newRow("advisory lock")
            << QByteArray("PERFORM pg_advisory_lock(4242);") << QStringLiteral("4242");
        QTest::newRow("shared advisory lock, two keys")
            << QByteArray("PERFORM pg_advisory_lock_shared(17, 18);") << QStringLiteral("17, 18");
        QTest::newRow("prepared statement")
            << QByteArray("EXECUTE 'PREPARE leftover AS SELECT 1';") << QStringLiteral("leftover");
    }
    void leftoversTheRunnerCannotUndoAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, named);
        TestDatabase db;
        QVERIFY(db.witness()
                    .exec("CREATE FUNCTION leave() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
                          + body + " END $$")
                    .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"),
              "CREATE TABLE a (id int);\nSELECT pg_advisory_xact_lock(99);\n", "DROP TABLE a;\n");
        f.add(QStringLiteral("0002_leave"), "SELECT leave();\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_b"), "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.message.contains(QStringLiteral("0002")) && mentions(up, named),
                 qPrintable(describe(up)));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(e.connection
                     .exec("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                           "AND pid = pg_backend_pid()")
                     .value(0, 0),
                 QStringLiteral("0"));
    }

    // P6: SET CONSTRAINTS ALL DEFERRED in one migration of a run in one transaction does not
    // reach the next: a migration that fails alone fails in the group too, blamed for it.
    void deferredConstraintsEndWithTheirMigrationInAGroup()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_tables"),
              "CREATE TABLE parent (id int PRIMARY KEY);\n"
              "CREATE TABLE child (pid int REFERENCES parent DEFERRABLE INITIALLY IMMEDIATE);\n",
              "DROP TABLE child;\nDROP TABLE parent;\n");
        f.add(QStringLiteral("0002_defer"), "SET CONSTRAINTS ALL DEFERRED;\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_orphan"), "INSERT INTO child VALUES (1);\n",
              "DELETE FROM child;\n");
        f.add(QStringLiteral("0004_parent"), "INSERT INTO parent VALUES (1);\n",
              "DELETE FROM parent;\n");
        ModeEngine e(f.path(), db.conninfo(), true);
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.failure && up.failure->file.contains(QStringLiteral("0003_orphan")),
                 qPrintable(describe(up)));
        QVERIFY(!tableExists(db, "parent"));
    }

    // P5: "-- uaip:lock-timeout=0" means do not wait, like --lock-timeout 0 (PostgreSQL's 0
    // would wait for the lock forever).
    void aLockTimeoutDirectiveOfZeroDoesNotWait()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), "CREATE TABLE t (id int);\n", "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        MigrationFolder g;
        g.add(QStringLiteral("0001_t"), "CREATE TABLE t (id int);\n", "DROP TABLE t;\n");
        g.add(QStringLiteral("0002_column"),
              "-- uaip:lock-timeout=0\nALTER TABLE t ADD COLUMN note text;\n",
              "ALTER TABLE t DROP COLUMN note;\n");
        Engine e2(g.path(), db.conninfo());
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE t IN ACCESS EXCLUSIVE MODE").ok());
        std::future<RunResult> future
            = std::async(std::launch::async, [&] { return e2.runner->up(); });
        const bool ended = future.wait_for(std::chrono::seconds(3)) == std::future_status::ready;
        holder.exec("ROLLBACK");
        const RunResult up = future.get();
        QVERIFY2(ended, "the migration waited for the lock");
        // one attempt of 1 ms, the budget spent: a lock timeout (exit 4)
        QCOMPARE(up.outcome, RunResult::Outcome::LockTimeout);
        QCOMPARE(up.lockAttempts.size(), 1);
        QVERIFY2(up.failure && up.failure->error.sqlState() == QLatin1String("55P03"),
                 qPrintable(describe(up)));
    }

    // P11: a step that failed after running a while reports how long it ran, not 0 ms.
    void aFailedStepReportsHowLongItRan_data()
    {
        QTest::addColumn<bool>("oneTransaction");
        QTest::newRow("default") << false;
        QTest::newRow("one transaction") << true;
    }
    void aFailedStepReportsHowLongItRan()
    {
        QFETCH(bool, oneTransaction);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        f.add(QStringLiteral("0002_slow"), "SELECT pg_sleep(0.6);\nSELECT 1 / 0;\n", "SELECT 1;\n");
        ModeEngine e(f.path(), db.conninfo(), oneTransaction);
        QList<int> finished;
        QObject::connect(e.runner.get(), &MigrationRunner::stepFinished,
                         [&](int, int, const QString &, const QString &, bool ok, int ms) {
                             if (!ok)
                                 finished << ms;
                         });
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QCOMPARE(up.steps.size(), 2);
        QVERIFY2(up.steps[1].durationMs >= 500,
                 qPrintable(QString::number(up.steps[1].durationMs)));
        QVERIFY(!finished.isEmpty() && finished.last() >= 500);
    }
};

QTEST_GUILESS_MAIN(TestMigrationSessionState)
#include "tst_migrationsessionstate.moc"
