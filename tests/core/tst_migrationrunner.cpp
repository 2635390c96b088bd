// The migration engine in-process against a real PostgreSQL: apply and roll back, targets,
// failures (with file:line:col), statement splitting, the prepared ledger write and the
// session reset between migrations.
#include "migrate/migrationscriptrunner.h"
#include "migrate/scriptpipelinebuilder.h"
#include "migrationrunnertestutil.h"
#include "sqlparse/sqlsplitter.h"

using namespace uaip;
using namespace uaip::test;

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private slots:
    void applyAndRollBackAll()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QSignalSpy started(e.runner.get(), &MigrationRunner::stepStarted);
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(up.steps.size(), 3);
        QCOMPARE(started.size(), 3);
        QVERIFY(tableExists(db, "posts"));
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("1"));
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(
            db.scalar(
                "SELECT checksum FROM uaip_ledger.uaip_schema_migrations WHERE version = '0001'"),
            e.source.migrations().first().upChecksum);

        const RunResult again = e.runner->up();
        QVERIFY(again.ok());
        QCOMPARE(again.steps.size(), 0);

        const RunResult down = e.runner->down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QCOMPARE(down.steps.size(), 3);
        QCOMPARE(down.steps.first().version, QStringLiteral("0003")); // newest first
        QVERIFY(!tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 0);
        QCOMPARE(db.scalar("SELECT string_agg(action || ':' || outcome, ',' ORDER BY id) "
                           "FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("apply:ok,apply:ok,apply:ok,rollback:ok,rollback:ok,rollback:ok"));
    }

    void partialTargets()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("2"))).ok());
        QCOMPARE(ledgerCount(db), 2);
        QVERIFY(tableExists(db, "posts"));
        QVERIFY(e.runner
                    ->down({DownTarget::Kind::ToVersion, 0,
                            *MigrationVersion::parse(QStringLiteral("0001"))})
                    .ok());
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(!tableExists(db, "posts"));
        QVERIFY(tableExists(db, "users")); // the target stays applied
        QVERIFY(e.runner->up().ok());
        QVERIFY(e.runner->down({DownTarget::Kind::Steps, 2, {}}).ok());
        QCOMPARE(
            db.scalar("SELECT string_agg(version, ',') FROM uaip_ledger.uaip_schema_migrations"),
            QStringLiteral("0001"));
    }

    void failureLeavesNothingAndNamesTheLine_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("sqlState");
        // a missing column: the server gives a position inside the statement
        QTest::newRow("undefined column") << QByteArray("-- two good statements first\n"
                                                        "CREATE TABLE audit (id int);\n"
                                                        "INSERT INTO audit VALUES (1);\n"
                                                        "\n"
                                                        "UPDATE users\n"
                                                        "   SET email = 'x'\n"
                                                        " WHERE nosuchcolumn = 1;\n")
                                          << 7 << 8 << QStringLiteral("42703");
        // a runtime error has no position: the statement's first line is reported
        QTest::newRow("division by zero") << QByteArray("CREATE TABLE audit (id int);\n"
                                                        "INSERT INTO audit\n"
                                                        "  SELECT 1 / 0;\n")
                                          << 2 << 1 << QStringLiteral("22012");
        QTest::newRow("non-ASCII before the error")
            << QByteArray("CREATE TABLE audit (id int, note text DEFAULT 'ünïcødé');\n"
                          "SELECT 'é' || nosuch FROM audit;\n")
            << 2 << 15 << QStringLiteral("42703");
        QTest::newRow("unique violation")
            << QByteArray("CREATE TABLE audit (id int);\n"
                          "INSERT INTO users VALUES (1, 'dup@example.org');\n")
            << 2 << 1 << QStringLiteral("23505");
    }

    void failureLeavesNothingAndNamesTheLine()
    {
        QFETCH(QByteArray, up);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, sqlState);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_broken"), up, "DROP TABLE audit;");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(r.failure);
        QCOMPARE(r.failure->error.code(), ErrorCode::Server);
        QCOMPARE(r.failure->error.sqlState(), sqlState);
        QCOMPARE(r.failure->file, f.path() + QStringLiteral("/0002_broken/up.sql"));
        QCOMPARE(r.failure->position.line, line);
        QCOMPARE(r.failure->position.column, column);
        QVERIFY(
            r.message.contains(QStringLiteral("0002_broken/up.sql:%1:%2").arg(line).arg(column)));
        // nothing of 0002 remains, 0001 stays applied, the failure is in the event log
        QVERIFY(!tableExists(db, "audit"));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("1"));
        QCOMPARE(
            db.scalar(
                "SELECT outcome FROM uaip_ledger.uaip_migration_events WHERE version = '0002'"),
            QStringLiteral("failed"));
        QVERIFY(
            db.scalar("SELECT error FROM uaip_ledger.uaip_migration_events WHERE version = '0002'")
                .contains(sqlState));
    }

    // Issue 32, point 12: a script of more statements than one pipeline takes
    // (PipelineCommands::maxPerPipeline) goes out in several, in its one transaction: applied
    // whole, or (an error in the second pipeline) nothing of it, the line named; both modes.
    void aScriptLongerThanOnePipeline_data()
    {
        QTest::addColumn<bool>("oneTransaction");
        QTest::addColumn<int>("badLine"); // 0: none
        QTest::newRow("applies") << false << 0;
        QTest::newRow("fails in the second pipeline") << false << 9000;
        QTest::newRow("one transaction, applies") << true << 0;
        QTest::newRow("one transaction, fails in the second pipeline") << true << 9000;
    }

    void aScriptLongerThanOnePipeline()
    {
        QFETCH(bool, oneTransaction);
        QFETCH(int, badLine);
        constexpr int statements = 9500;
        QByteArray up = "CREATE TABLE audit (id int);\n";
        for (int line = 2; line <= statements; ++line)
            up += line == badLine
                ? QByteArray("INSERT INTO audit VALUES (1 / 0);\n")
                : "INSERT INTO audit VALUES (" + QByteArray::number(line) + ");\n";
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_many"), up, "DROP TABLE audit;");
        Engine e(f.path(), db.conninfo());
        MigrationRunner::Options o{5000, 5000, QStringLiteral("tst_migrationrunner"), std::nullopt};
        o.singleTransaction = oneTransaction;
        e.runner = std::make_unique<MigrationRunner>(e.connection, e.source.migrations(), o);
        const RunResult r = e.runner->up();
        if (!badLine) {
            QVERIFY2(r.ok(), qPrintable(r.message));
            QCOMPARE(db.scalar("SELECT count(*) FROM audit"), QString::number(statements - 1));
            QCOMPARE(ledgerCount(db), 2);
            return;
        }
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(r.failure);
        QCOMPARE(r.failure->error.sqlState(), QStringLiteral("22012"));
        QCOMPARE(r.failure->position.line, badLine);
        QVERIFY(!tableExists(db, "audit"));
        QCOMPARE(ledgerCount(db), oneTransaction ? 0 : 1);
    }

    void deferredConstraintFailsAtCommit()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_deferred"),
              "CREATE TABLE notes (id int PRIMARY KEY, user_id bigint REFERENCES users (id)\n"
              "  DEFERRABLE INITIALLY DEFERRED);\n"
              "INSERT INTO notes VALUES (1, 999);\n",
              "DROP TABLE notes;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("failed at COMMIT")), qPrintable(r.message));
        QCOMPARE(r.failure->error.sqlState(), QStringLiteral("23503"));
        QVERIFY(!tableExists(db, "notes"));
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(e.runner->down({}).ok()); // the session is usable afterwards
    }

    void dollarQuotesAndDoBlocks()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(
            QStringLiteral("0001_functions"),
            "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE plpgsql AS $$\n"
            "BEGIN\n  RETURN i + 1; -- a semicolon; inside\nEND;\n$$;\n"
            "CREATE FUNCTION tagged() RETURNS text LANGUAGE sql AS $body$ SELECT 'a;b$$c' $body$;\n"
            "DO $do$\nBEGIN\n  EXECUTE 'CREATE TABLE from_do (id int)';\n"
            "  PERFORM add_one(1);\nEND\n$do$;\n"
            "COMMENT ON TABLE from_do IS 'semi;colon';\n",
            "DROP TABLE from_do; DROP FUNCTION tagged(); DROP FUNCTION add_one(int);\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT add_one(41)"), QStringLiteral("42"));
        QCOMPARE(db.scalar("SELECT tagged()"), QStringLiteral("a;b$$c"));
        QVERIFY(tableExists(db, "from_do"));
        QVERIFY(e.runner->down({}).ok());
        QVERIFY(!tableExists(db, "from_do"));
    }

    // The ledger write is prepared once per run and deallocated when it ends (the GUI reuses
    // its connection); a plan with a script that could drop it does without.
    void ledgerWriteIsPreparedForTheRunOnly()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        f.add(QStringLiteral("0002_b"), "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
        f.add(QStringLiteral("0003_c"), "CREATE TABLE c (id int);\n", "DROP TABLE c;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_prepared_statements").value(0, 0),
                 QStringLiteral("0"));
        const RunResult down = e.runner->down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE action = 'rollback' AND outcome = 'ok'"),
                 QStringLiteral("3"));
        QCOMPARE(e.connection.exec("SELECT count(*) FROM pg_prepared_statements").value(0, 0),
                 QStringLiteral("0"));
    }

    void aMigrationMayDeallocateAll()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_a"), "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        f.add(QStringLiteral("0002_b"), "DEALLOCATE ALL;\nCREATE TABLE b (id int);\n",
              "DEALLOCATE ALL;\nDROP TABLE b;\n"); // DISCARD is refused (issue 19)
        f.add(QStringLiteral("0003_c"), "CREATE TABLE c (id int);\n", "DROP TABLE c;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("3"));
        const RunResult down = e.runner->down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0"));
    }

    void sessionStateDoesNotLeak()
    {
        TestDatabase db;
        const QString role = QStringLiteral("r_") + db.name();
        MigrationFolder f;
        f.add(QStringLiteral("0001_elsewhere"),
              QStringLiteral("CREATE SCHEMA other;\nCREATE ROLE %1 NOLOGIN;\n"
                             "GRANT USAGE, CREATE ON SCHEMA other TO %1;\n"
                             "SET search_path = other;\nSET ROLE %1;\n"
                             "CREATE TABLE in_other (id int);\n")
                  .arg(role)
                  .toUtf8());
        // ...and checks that the runner still holds its advisory lock after the reset
        f.add(QStringLiteral("0002_plain"),
              "CREATE TABLE lands_here (id int);\n"
              "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
              "AND pid = pg_backend_pid() AND granted) THEN RAISE EXCEPTION 'lock lost'; "
              "END IF; END $$;\n");
        Engine e(f.path(), db.conninfo());
        const auto cleanup = qScopeGuard([&] {
            db.witness().exec("DROP SCHEMA IF EXISTS other CASCADE");
            db.witness().execScript(
                QStringLiteral("DROP OWNED BY %1; DROP ROLE IF EXISTS %1").arg(role).toUtf8());
        });
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(db.scalar("SELECT to_regclass('public.lands_here') IS NOT NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT tableowner FROM pg_tables WHERE tablename = 'in_other'"), role);
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations "
                           "WHERE applied_by = session_user"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE actor = session_user"),
                 QStringLiteral("2"));
        // the session is the runner's own again (the GUI reuses it)
        QCOMPARE(e.connection.exec("SELECT current_user = session_user").value(0, 0),
                 QStringLiteral("t"));
        QVERIFY(
            !e.connection.exec("SHOW search_path").value(0, 0).contains(QStringLiteral("other")));
    }

    // Which scripts cannot change the session (no reset after them, no look for the lock in
    // pg_locks): drops, comments, grants, and ALTERs that only drop or rename, as the typed parse
    // tree reads them (comments and spelling do not matter). Anything that could evaluate an
    // expression is not.
    void scriptsThatCannotChangeTheSession_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<bool>("harmless");
        QTest::newRow("drops") << QByteArray("DROP TABLE a;\nDROP TYPE b;\n") << true;
        QTest::newRow("drop column") << QByteArray("ALTER TABLE s.t DROP COLUMN note;\n") << true;
        QTest::newRow("drop columns")
            << QByteArray("alter table if exists only \"My T\" drop column if exists a cascade, "
                          "drop b, DROP CONSTRAINT t_b_check;\n")
            << true;
        QTest::newRow("drop default, not null")
            << QByteArray("ALTER TABLE t ALTER COLUMN a DROP DEFAULT, ALTER b DROP NOT NULL;\n")
            << true;
        QTest::newRow("renames") << QByteArray("ALTER TABLE t RENAME COLUMN a TO b;\n"
                                               "ALTER TABLE t RENAME TO u;\n"
                                               "ALTER INDEX t_idx RENAME TO u_idx;\n")
                                 << true;
        QTest::newRow("add column with a default")
            << QByteArray("ALTER TABLE t ADD COLUMN a int DEFAULT f();\n") << false;
        QTest::newRow("a drop and an add")
            << QByteArray("ALTER TABLE t DROP COLUMN a, ADD COLUMN b int DEFAULT f();\n") << false;
        QTest::newRow("type change")
            << QByteArray("ALTER TABLE t ALTER a TYPE int USING f(a);\n") << false;
        QTest::newRow("set default")
            << QByteArray("ALTER TABLE t ALTER a SET DEFAULT f();\n") << false;
        QTest::newRow("a comment inside")
            << QByteArray("ALTER TABLE t /* why */ DROP COLUMN a;\n") << true;
        QTest::newRow("an add behind a comment that says drop")
            << QByteArray("ALTER TABLE t /* DROP COLUMN a */ ADD COLUMN b int DEFAULT f();\n")
            << false;
        // the regex over the text took this for a plain DROP
        QTest::newRow("an event trigger dropped behind a comment")
            << QByteArray("DROP /* old */ EVENT TRIGGER et;\n") << false;
        // a function an event trigger runs goes with it
        QTest::newRow("a drop that cascades")
            << QByteArray("DROP FUNCTION audit_ddl() CASCADE;\n") << false;
        QTest::newRow("grant a role") << QByteArray("GRANT app_read TO reporting;\n") << true;
        QTest::newRow("alter function") << QByteArray("ALTER FUNCTION f() RENAME TO g;\n") << false;
        QTest::newRow("a call") << QByteArray("DROP TABLE a;\nSELECT f();\n") << false;
        // it may have fired for the DROP before it, and is gone when the ledger write looks
        QTest::newRow("dropping an event trigger")
            << QByteArray("DROP TABLE a;\nDROP EVENT TRIGGER et;\n") << false;
    }
    void scriptsThatCannotChangeTheSession()
    {
        QFETCH(QByteArray, script);
        QFETCH(bool, harmless);
        const SqlSplitResult split = SqlSplitter::split(script);
        QVERIFY(split.ok());
        QCOMPARE(ScriptPipelineBuilder::cannotChangeSession(split.statements), harmless);
    }

    void eventTriggersStillGetTheSessionReset()
    {
        TestDatabase db;
        // DDL runs user code here: after every command the search_path is changed
        QVERIFY(
            db.witness()
                .execScript("CREATE SCHEMA other;\n"
                            "CREATE FUNCTION leak() RETURNS event_trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN PERFORM set_config('search_path', 'other', false); END $$;\n"
                            "CREATE EVENT TRIGGER leak ON ddl_command_end EXECUTE FUNCTION leak();")
                .ok());
        MigrationFolder f;
        f.add(QStringLiteral("0001_first"), "CREATE TABLE first_t (id int);\n",
              "CREATE TABLE restored (id int);\nDROP TABLE first_t;\n");
        f.add(QStringLiteral("0002_only_drops"), "CREATE TABLE second_t (id int);\n",
              "DROP TABLE second_t;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        // 0002's down is only a DROP, but the event trigger fires: 0001's down must still
        // create its table where it would alone
        const RunResult down = e.runner->down({DownTarget::Kind::All, 0, {}});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QCOMPARE(db.scalar("SELECT to_regclass('public.restored') IS NOT NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT to_regclass('other.restored') IS NULL"), QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_migration_events "
                           "WHERE actor <> session_user"),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
