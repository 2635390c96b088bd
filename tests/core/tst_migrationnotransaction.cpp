// No-transaction migrations against a real PostgreSQL: run statement by statement, a failure
// recorded as progress and decided by repair, their own BEGIN, and a cancel that says what ran.
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestMigrationNoTransaction : public QObject
{
    Q_OBJECT

private slots:
    void noTransactionConcurrentIndex()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_email_index"),
              "-- uaip:no-transaction\n"
              "-- uaip:lock-timeout=2s\n"
              "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
              "CREATE UNIQUE INDEX CONCURRENTLY users_email_lower_idx ON users (lower(email));\n",
              "-- uaip:no-transaction\nDROP INDEX CONCURRENTLY users_email_lower_idx;\n"
              "DROP INDEX CONCURRENTLY users_email_idx;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                      "WHERE c.relname LIKE 'users_email%' AND i.indisvalid"),
            QStringLiteral("2"));
        QCOMPARE(db.scalar(
                     "SELECT state FROM uaip_ledger.uaip_schema_migrations WHERE version = '0002'"),
                 QStringLiteral("applied"));
        QVERIFY(e.runner->down({}).ok());
        QCOMPARE(db.scalar("SELECT count(*) FROM pg_class WHERE relname LIKE 'users_email%'"),
                 QStringLiteral("0"));
    }

    void noTransactionFailureNeedsRepair()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_half"),
              "-- uaip:no-transaction\n"
              "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
              "CREATE INDEX CONCURRENTLY users_bad_idx ON users (nosuch);\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY(up.partial);
        QCOMPARE(up.failure->position.line, 3);
        QVERIFY2(up.message.contains(QStringLiteral("statement 1 ran and remains")),
                 qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT state || ' ' || progress_action || ' ' || progress_done || '/' "
                           "|| progress_total FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("dirty apply 1/2"));
        const MigrationStatus failed = e.runner->status().value().at(1);
        QCOMPARE(failed.state, MigrationState::Failed);
        QVERIFY2(failed.note().startsWith(QStringLiteral("apply stopped after 1 of 2 statement(s); "
                                                         "next: "))
                     && failed.note().endsWith(QStringLiteral("0002_half/up.sql:3:1")),
                 qPrintable(failed.note()));
        QCOMPARE(e.runner->up().outcome, RunResult::Outcome::Blocked);
        // a plain repair decides nothing about it
        const RunResult plain = e.runner->repair();
        QCOMPARE(plain.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(plain.problems.first().contains(QStringLiteral("--mark-done 0002")),
                 qPrintable(plain.problems.join(u'\n')));
        QCOMPARE(e.runner->status().value().at(1).state, MigrationState::Failed);
        QCOMPARE(e.runner
                     ->repair({RepairChoice::Kind::Forget,
                               *MigrationVersion::parse(QStringLiteral("3"))})
                     .outcome,
                 RunResult::Outcome::BadInput);
        const RunResult forget = e.runner->repair(
            {RepairChoice::Kind::Forget, *MigrationVersion::parse(QStringLiteral("2"))});
        QVERIFY2(forget.ok(), qPrintable(forget.message));
        QCOMPARE(e.runner->status().value().at(1).state, MigrationState::Pending);
        QCOMPARE(db.scalar("SELECT action || ':' || outcome FROM uaip_ledger.uaip_migration_events "
                           "ORDER BY id DESC LIMIT 1"),
                 QStringLiteral("repair:ok"));
    }

    void noTransactionOwnBeginKeepsTheError()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_own_tx"),
              "-- uaip:no-transaction\n"
              "CREATE TABLE before_tx (id int);\n"
              "BEGIN;\n"
              "CREATE TABLE in_tx (id int);\n"
              "INSERT INTO in_tx VALUES ('x');\n"
              "COMMIT;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QCOMPARE(up.failure->position.line, 5);
        QVERIFY2(up.message.contains(QStringLiteral("up.sql:3:1 was rolled back")),
                 qPrintable(up.message));
        QVERIFY(tableExists(db, "before_tx"));
        QVERIFY(!tableExists(db, "in_tx"));
        QVERIFY2(db.scalar("SELECT error FROM uaip_ledger.uaip_schema_migrations")
                     .contains(QStringLiteral("up.sql:5:")),
                 qPrintable(db.scalar("SELECT error FROM uaip_ledger.uaip_schema_migrations")));
        QCOMPARE(db.scalar("SELECT progress_done FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("1"));
        QVERIFY(db.scalar("SELECT progress_at FROM uaip_ledger.uaip_schema_migrations")
                    .endsWith(QStringLiteral("0001_own_tx/up.sql:3:1")));
        QCOMPARE(
            db.scalar("SELECT action || ':' || outcome FROM uaip_ledger.uaip_migration_events"),
            QStringLiteral("apply:failed"));
        // the file fixed, the run resumes at its BEGIN
        f.write(QStringLiteral("0001_own_tx/up.sql"),
                "-- uaip:no-transaction\n"
                "CREATE TABLE before_tx (id int);\n"
                "BEGIN;\n"
                "CREATE TABLE in_tx (id int);\n"
                "INSERT INTO in_tx VALUES (1);\n"
                "COMMIT;\n");
        Engine fixed(f.path(), db.conninfo());
        const RunResult resume = fixed.runner->repair(
            {RepairChoice::Kind::Resume, *MigrationVersion::parse(QStringLiteral("1"))});
        QVERIFY2(resume.ok(), qPrintable(resume.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM in_tx"), QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT state || coalesce(progress_at, '-') FROM "
                           "uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("applied-"));
    }

    void noTransactionCancelSaysWhatRan()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_slow"),
              "-- uaip:no-transaction\n"
              "CREATE TABLE first_one (id int);\nSELECT pg_sleep(60);\nCREATE TABLE third (id "
              "int);\n");
        Engine e(f.path(), db.conninfo());
        const std::optional<RunResult> cancelled = upCancelledInSleep(e, db);
        QVERIFY(cancelled);
        const RunResult &r = *cancelled;
        QVERIFY(r.cancelled);
        QVERIFY2(r.message.contains(QStringLiteral("statement 1 ran and remains (statement 2 of 3 "
                                                   "did not)")),
                 qPrintable(r.message));
        QVERIFY(!r.message.contains(QStringLiteral("nothing of it remains")));
        QVERIFY(tableExists(db, "first_one"));
        QCOMPARE(db.scalar("SELECT progress_done FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT outcome FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("cancelled"));
    }

    // Issue 32, P2: a no-transaction migration whose first statement lets the runner's lock go
    // (through a function) stops at the progress row after it, which checks the lock: the
    // INSERTs after it do not run, the failure says what ran and is logged, and 'repair
    // --resume' runs each remaining statement once. Before, all three ran, the message said
    // rolled back, the row said 2 of 3, and the resume ran the last INSERT a second time.
    void aLostLockStopsAtTheNextProgressRow()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE t (n int);\n"
              "CREATE FUNCTION let_go() RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE 'SELECT pg_advisory_' || 'unlock_all()'; END $$;\n",
              "DROP FUNCTION let_go();\nDROP TABLE t;\n");
        f.add(QStringLiteral("0002_lose"),
              "-- uaip:no-transaction\nSELECT let_go();\nINSERT INTO t VALUES (1);\n"
              "INSERT INTO t VALUES (2);\n",
              "-- uaip:no-transaction\nDELETE FROM t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.partial && mentions(up, QStringLiteral("lock")), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT progress_done FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE version = '0002' AND outcome = 'failed'"),
                 QStringLiteral("1"));
        const RunResult resumed
            = e.runner->repair({RepairChoice::Kind::Resume, *MigrationVersion::parse(u"0002")});
        QVERIFY2(resumed.ok(), qPrintable(describe(resumed)));
        QCOMPARE(db.scalar("SELECT string_agg(n::text, ',' ORDER BY n) FROM t"),
                 QStringLiteral("1,2"));
    }

    // Issue 32, P2: all statements ran but the finish could not be written (the lock went in
    // the last one): the run says so and records n of n, so a resume runs nothing again.
    void allRanButTheFinishFailedIsNotRolledBack()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE t (n int);\n"
              "CREATE FUNCTION let_go() RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE 'SELECT pg_advisory_' || 'unlock_all()'; END $$;\n",
              "DROP FUNCTION let_go();\nDROP TABLE t;\n");
        f.add(QStringLiteral("0002_lose"),
              "-- uaip:no-transaction\nINSERT INTO t VALUES (1);\nSELECT let_go();\n",
              "-- uaip:no-transaction\nDELETE FROM t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.partial, qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT progress_done FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE version = '0002' AND outcome = 'failed'"),
                 QStringLiteral("1"));
        const RunResult resumed
            = e.runner->repair({RepairChoice::Kind::Resume, *MigrationVersion::parse(u"0002")});
        QVERIFY2(resumed.ok(), qPrintable(describe(resumed)));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("1"));
    }

    // Issue 32, P2: the first dirty row is a plain insert: a row another run wrote meanwhile
    // for the same version stops this one before any of its statements, and stays as it was
    // (an upsert overwrote it and ran the whole file again).
    void theFirstDirtyRowNeverOverwritesAnotherRunsRow()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE t (n int);\n"
              "INSERT INTO uaip_ledger.uaip_schema_migrations (version, name, checksum, state) "
              "VALUES ('0002', 'other', 'by-someone-else', 'dirty');\n",
              "DROP TABLE t;\n");
        f.add(QStringLiteral("0002_nt"), "-- uaip:no-transaction\nINSERT INTO t VALUES (1);\n",
              "-- uaip:no-transaction\nDELETE FROM t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(!up.partial && mentions(up, QStringLiteral("0002")), qPrintable(describe(up)));
        QCOMPARE(db.scalar("SELECT count(*) FROM t"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT checksum FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE version = '0002'"),
                 QStringLiteral("by-someone-else"));
    }

    // Issue 32, P6: what the session reset cannot undo after a no-transaction script (a
    // prepared statement made through EXECUTE) fails that script, not the next migration.
    void aLeftoverOfANoTransactionScriptFailsIt()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_prep"),
              "CREATE FUNCTION prep() RETURNS void LANGUAGE plpgsql AS $$\n"
              "BEGIN EXECUTE 'PREPARE leftover AS SELECT 1'; END $$;\n",
              "DROP FUNCTION prep();\n");
        f.add(QStringLiteral("0002_nt"), "-- uaip:no-transaction\nSELECT prep();\n",
              "-- uaip:no-transaction\nSELECT 1;\n");
        f.add(QStringLiteral("0003_b"), "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Failed);
        QVERIFY2(up.message.startsWith(QStringLiteral("0002"))
                     && mentions(up, QStringLiteral("leftover")),
                 qPrintable(describe(up)));
        QVERIFY(!tableExists(db, "b"));
    }

    // Issue 32, P7: the rows of a COPY that completed are data, not SQL: edited, a resume is
    // refused naming the COPY (before, it was accepted: the ledger took the new file's
    // checksum while the table kept the rows as they ran). With the rows as they ran it goes
    // on with the fixed statement; a dirty row that does not say what the rows were (written
    // before they were kept) is refused too.
    void resumeRefusesEditedCopyRows()
    {
        TestDatabase db;
        MigrationFolder f;
        const QByteArray head = "-- uaip:no-transaction\nCREATE TABLE t (id int, name text);\n"
                                "COPY t (id, name) FROM stdin;\n";
        const QByteArray rows = "1\tone\n2\ttwo\n";
        const QByteArray tail = "\\.\nCREATE TABLE t2 (id int);\n";
        const QByteArray down = "DROP TABLE t2;\nDROP TABLE t;\n";
        const QString name = QStringLiteral("0001_load");
        f.add(name, head + rows + tail + "INSERT INTO t2 VALUES ('x');\n", down);
        {
            Engine e(f.path(), db.conninfo());
            QCOMPARE(e.runner->up().outcome, RunResult::Outcome::Failed);
        }
        QCOMPARE(db.scalar("SELECT progress_done FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
        const auto resume = [&] {
            Engine e(f.path(), db.conninfo());
            return e.runner->repair({RepairChoice::Kind::Resume, *MigrationVersion::parse(u"1")});
        };
        // one row edited, one added, and the failing statement fixed
        f.add(name, head + "1\tuno\n2\ttwo\n3\ttres\n" + tail + "INSERT INTO t2 VALUES (1);\n",
              down);
        const RunResult edited = resume();
        QCOMPARE(edited.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(mentions(edited, QStringLiteral("the inline rows of the COPY at "))
                     && mentions(edited, QStringLiteral("0001_load/up.sql:3:1 changed since")),
                 qPrintable(describe(edited)));
        QCOMPARE(db.scalar("SELECT string_agg(name, ',' ORDER BY id) FROM t"),
                 QStringLiteral("one,two"));
        QCOMPARE(db.scalar("SELECT count(*) FROM t2"), QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("dirty"));

        // the rows as they ran, but the ledger row as an older version wrote it
        f.add(name, head + rows + tail + "INSERT INTO t2 VALUES (1);\n", down);
        const QString kept
            = db.scalar("SELECT progress_checksum FROM uaip_ledger.uaip_schema_migrations");
        QVERIFY2(kept.contains(u';'), qPrintable(kept));
        QVERIFY(db.witness()
                    .execScript("UPDATE uaip_ledger.uaip_schema_migrations SET progress_checksum = "
                                "split_part(progress_checksum, ';', 1)")
                    .ok());
        const RunResult older = resume();
        QCOMPARE(older.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(mentions(older, QStringLiteral("cannot be told")), qPrintable(describe(older)));
        QVERIFY(db.witness()
                    .exec(QStringLiteral("UPDATE uaip_ledger.uaip_schema_migrations SET "
                                         "progress_checksum = '%1'")
                              .arg(kept)
                              .toUtf8())
                    .ok());
        const RunResult resumed = resume();
        QVERIFY2(resumed.ok(), qPrintable(describe(resumed)));
        QCOMPARE(db.scalar("SELECT string_agg(name, ',' ORDER BY id) FROM t"),
                 QStringLiteral("one,two"));
        QCOMPARE(db.scalar("SELECT count(*) FROM t2"), QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT state FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("applied"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationNoTransaction)
#include "tst_migrationnotransaction.moc"
