// The whole plan checked before its first step, against a real PostgreSQL: syntax errors,
// transaction control found from the parse tree, edited files (until repair) and the
// integrity of down scripts.
#include "migrate/migrationvalidator.h"
#include "migrationrunnertestutil.h"

using namespace uaip;
using namespace uaip::test;

namespace {

// A syntax problem of the plan at file:line:col, by its fields (not its words).
bool isSyntaxAt(const ValidationProblem &p, const QString &file, int line, int column)
{
    return p.kind == QLatin1String("syntax") && p.file.endsWith(file) && p.line == line
        && p.column == column;
}

} // namespace

class TestMigrationPlanCheck : public QObject
{
    Q_OBJECT

private slots:
    void syntaxErrorRunsNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_typo"), "CREATE TABLE a (id int);\nCREATE TABLEX b (id int);\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.planProblems.size(), 1);
        QVERIFY2(isSyntaxAt(r.planProblems.first(), QStringLiteral("0002_typo/up.sql"), 2, 8),
                 qPrintable(r.problems.first()));
        // the whole plan is refused: not even 0001, which is fine, was applied
        QVERIFY(!tableExists(db, "users"));
        QVERIFY(!tableExists(db, "a"));
        QCOMPARE(ledgerCount(db), 0);
    }

    void wholePlanCheckedBeforeFirstStep()
    {
        TestDatabase db;
        MigrationFolder f;
        // two down.sql files the server would reject; 'up' does not look at them
        f.add(QStringLiteral("0001_users"), kUsersUp, "DROP TABLE users;\nDROP TABLEX nope;\n");
        f.add(QStringLiteral("0002_posts"), kPostsUp, "DROP TABLE posts\n  ,;\n");
        f.add(QStringLiteral("0003_tags"), kTagsUp, kTagsDown);
        Engine e(f.path(), db.conninfo());
        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message + up.problems.join(u'\n')));

        const RunResult all = e.runner->down({DownTarget::Kind::All, 0, {}});
        QCOMPARE(all.outcome, RunResult::Outcome::BadInput);
        QCOMPARE(all.exitCode(), 2);
        QCOMPARE(all.steps.size(), 0);
        QCOMPARE(all.problems.size(), 2); // every problem, in plan order
        QCOMPARE(all.planProblems.size(), 2);
        QVERIFY2(isSyntaxAt(all.planProblems[0], QStringLiteral("0002_posts/down.sql"), 2, 4),
                 qPrintable(all.problems.join(u'\n')));
        QVERIFY2(isSyntaxAt(all.planProblems[1], QStringLiteral("0001_users/down.sql"), 2, 6),
                 qPrintable(all.problems.join(u'\n')));
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("1"));
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'rollback'"),
            QStringLiteral("0"));
        // a plan that stops above the broken scripts runs
        const RunResult one = e.runner->down({DownTarget::Kind::Steps, 1, {}});
        QVERIFY2(one.ok(), qPrintable(one.message + one.problems.join(u'\n')));
        QCOMPARE(ledgerCount(db), 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("0"));
    }

    void transactionControlFromTheParseTree_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<QString>("problem"); // empty: applies
        QTest::newRow("PREPARE of a statement") << QByteArray("CREATE TABLE t (id int);\n"
                                                              "PREPARE q AS SELECT 'transaction';\n"
                                                              "DEALLOCATE q;\n")
                                                << QString();
        QTest::newRow("BEGIN of a PL/pgSQL body")
            << QByteArray("CREATE TABLE t (id int);\nCREATE FUNCTION f() RETURNS int "
                          "LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND\n$$;\n")
            << QString();
        QTest::newRow("START TRANSACTION after a comment")
            << QByteArray("CREATE TABLE t (id int);\n/* start */ start\n  transaction;\n")
            << QStringLiteral("up.sql:2:13: START TRANSACTION inside a migration");
        QTest::newRow("savepoint") << QByteArray("CREATE TABLE t (id int);\n  SAVEPOINT s1;\n")
                                   << QStringLiteral("up.sql:2:3: SAVEPOINT cannot be used in a "
                                                     "migration that runs in its own transaction");
        QTest::newRow("rollback to savepoint")
            << QByteArray("CREATE TABLE t (id int);\nROLLBACK TO SAVEPOINT s1;\n")
            << QStringLiteral("up.sql:2:1: ROLLBACK TO SAVEPOINT cannot be used");
        QTest::newRow("COMMIT in a DO block")
            << QByteArray("CREATE TABLE t (id int);\nDO $$\nBEGIN\n  COMMIT;\nEND\n$$;\n")
            << QStringLiteral("up.sql:2:1: COMMIT (in a DO block) inside a migration");
        // 1,000 IFs deep: the PL/pgSQL tree is read at any depth (PlpgsqlTree), so the COMMIT
        // itself is found and named
        QByteArray deep = "CREATE TABLE t (id int);\nDO $$\nBEGIN\n";
        for (int i = 0; i < 1000; ++i)
            deep += "IF true THEN\n";
        deep += "COMMIT;\n";
        for (int i = 0; i < 1000; ++i)
            deep += "END IF;\n";
        deep += "END\n$$;\n";
        QTest::newRow("COMMIT nested deep in a DO block")
            << deep << QStringLiteral("up.sql:2:1: COMMIT (in a DO block) inside a migration");
    }

    void transactionControlFromTheParseTree()
    {
        QFETCH(QByteArray, up);
        QFETCH(QString, problem);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), up, "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        if (problem.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.message + r.problems.join(u'\n')));
            QVERIFY(tableExists(db, "t"));
            return;
        }
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(r.problems.first().contains(problem), qPrintable(r.problems.first()));
        QVERIFY(!tableExists(db, "t"));
    }

    // Issue 32, point 10: the plan check reads the parse tree, the PL/pgSQL of DO blocks and
    // the bodies of the functions a script creates, so no whitespace, line end, quoting or
    // escape hides an enum value added and used in one transaction, a statement PostgreSQL
    // refuses in one, or a release of the runner's lock. Each refused row ran before (the
    // server refused it, or the lock check caught it, only at run time).
    void planCheckReadsTheParseTree_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<QString>("problem"); // empty: applies
        const QByteArray mood = "CREATE TABLE t (id int);\nCREATE TYPE mood AS ENUM ('ok');\n";
        const QString used = QStringLiteral("uses the enum value 'great', which ALTER TYPE ... ADD "
                                            "VALUE at 3:1 adds in the same transaction");
        QTest::newRow("ADD<TAB>VALUE") << mood
                + "ALTER TYPE mood ADD\tVALUE 'great';\n"
                  "SELECT 'great'::mood;\n"
                                       << QStringLiteral("up.sql:4:1: ") + used;
        QTest::newRow("ADD and VALUE across a CRLF")
            << QByteArray("CREATE TABLE t (id int);\r\nCREATE TYPE mood AS ENUM ('ok');\r\n"
                          "ALTER TYPE mood ADD\r\n  VALUE 'great';\r\nSELECT 'great'::mood;\r\n")
            << QStringLiteral("up.sql:5:1: ") + used;
        QTest::newRow("value used as $$great$$") << mood
                + "ALTER TYPE mood ADD VALUE 'great';\n"
                  "SELECT $$great$$::mood;\n" << QStringLiteral("up.sql:4:1: ") + used;
        QTest::newRow("value used as an escape string")
            << mood + "ALTER TYPE mood ADD VALUE 'great';\nSELECT E'gr\\x65at'::mood;\n"
            << QStringLiteral("up.sql:4:1: ") + used;
        QTest::newRow("value used inside a $b$ DO block") << mood
                + "ALTER TYPE mood ADD VALUE 'great';\n"
                  "DO $b$ BEGIN PERFORM $q$great$q$::mood; END $b$;\n"
                                                          << QStringLiteral("up.sql:4:1: ") + used;
        QTest::newRow("value added by a DO block") << mood
                + "DO $b$\nBEGIN\n  ALTER TYPE mood ADD VALUE 'great';\nEND\n$b$;\n"
                  "SELECT 'great'::mood;\n" << QStringLiteral("up.sql:8:1: ") + used;
        QTest::newRow("value used by a SQL function body") << mood
                + "ALTER TYPE mood ADD VALUE 'great';\n"
                  "CREATE FUNCTION g() RETURNS mood LANGUAGE sql AS $f$ SELECT $$great$$::mood "
                  "$f$;\n" << QStringLiteral("up.sql:4:1: ") + used;
        QTest::newRow("value in a PL/pgSQL body, not run") // analysed only when called
            << mood
                + "ALTER TYPE mood ADD VALUE 'great';\n"
                  "CREATE FUNCTION g() RETURNS mood LANGUAGE plpgsql AS $f$ BEGIN RETURN "
                  "'great'::mood; END $f$;\n"
            << QString();
        QTest::newRow("values of a type created in the script") // not added by ADD VALUE
            << mood + "SELECT 'ok'::mood;\n"
            << QString();
        QTest::newRow("ALTER DATABASE SET TABLESPACE")
            << QByteArray("CREATE TABLE t (id int);\nALTER DATABASE uaip_never\tSET\r\n"
                          "  TABLESPACE pg_default;\n")
            << QStringLiteral("up.sql:2:1: ALTER DATABASE ... SET TABLESPACE cannot run inside a "
                              "transaction block");
        QTest::newRow("unlock in a DO block")
            << QByteArray(
                   "CREATE TABLE t (id int);\nDO $b$ BEGIN PERFORM pg_advisory_unlock_all(); "
                   "END $b$;\n")
            << QStringLiteral("up.sql:2:1: pg_advisory_unlock_all() in a DO block would release "
                              "the migration lock");
        QTest::newRow("unlock in an IF of a nested DO block")
            << QByteArray("CREATE TABLE t (id int);\nDO $b$ BEGIN EXECUTE $x$ DO 'BEGIN IF "
                          "pg_catalog.pg_advisory_unlock(1, 2) THEN NULL; END IF; END' $x$; END "
                          "$b$;\n")
            << QStringLiteral("up.sql:2:1: pg_advisory_unlock() in a DO block");
        QTest::newRow("unlock spelt with a Unicode escape")
            << QByteArray("CREATE TABLE t (id int);\nSELECT U&\"pg_\\0061dvisory_unlock_all\"();\n")
            << QStringLiteral("up.sql:2:1: pg_advisory_unlock_all() would release");
        QTest::newRow("unlock all in a SQL function")
            << QByteArray("CREATE TABLE t (id int);\nCREATE FUNCTION let_go() RETURNS boolean "
                          "LANGUAGE sql AS $$ SELECT pg_advisory_unlock_all() IS NULL $$;\n"
                          "SELECT let_go();\n")
            << QStringLiteral("up.sql:2:1: the function this statement creates calls "
                              "pg_advisory_unlock_all()");
        QTest::newRow("unlock all in a PL/pgSQL function")
            << QByteArray("CREATE TABLE t (id int);\nCREATE FUNCTION let_go() RETURNS void "
                          "LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM pg_advisory_unlock_all();\n"
                          "END $$;\n")
            << QStringLiteral("up.sql:2:1: the function this statement creates calls "
                              "pg_advisory_unlock_all()");
        QTest::newRow("an application's own advisory lock in a function")
            << QByteArray("CREATE TABLE t (id int);\nCREATE FUNCTION job_done(k bigint) RETURNS "
                          "boolean LANGUAGE sql AS $$ SELECT pg_advisory_unlock(k) $$;\n")
            << QString();
    }

    void planCheckReadsTheParseTree()
    {
        QFETCH(QByteArray, up);
        QFETCH(QString, problem);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"), up, "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        if (problem.isEmpty()) {
            QVERIFY2(r.ok(), qPrintable(r.message + r.problems.join(u'\n')));
            QVERIFY(tableExists(db, "t"));
            return;
        }
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.problems.size() == 1 && r.problems.first().contains(problem),
                 qPrintable(r.problems.join(u'\n')));
        QVERIFY(!tableExists(db, "t"));
    }

    // The same across the migrations of a run in one transaction (--single-transaction).
    void enumValueAddedByAnEarlierMigrationOfTheTransaction()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_mood"), "CREATE TYPE mood AS ENUM ('ok');\n",
              "DROP TYPE mood;\n");
        f.add(QStringLiteral("0002_add"),
              "DO $b$ BEGIN ALTER TYPE mood ADD\tVALUE 'great'; END $b$;\n", "SELECT 1;\n");
        f.add(QStringLiteral("0003_use"), "CREATE TABLE t (m mood DEFAULT $$great$$);\n",
              "DROP TABLE t;\n");
        Engine e(f.path(), db.conninfo());
        MigrationRunner::Options o{5000, 5000, QStringLiteral("tst_plancheck"), std::nullopt};
        o.singleTransaction = true;
        e.runner = std::make_unique<MigrationRunner>(e.connection, e.source.migrations(), o);
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.problems.size() == 1
                     && r.problems.first().contains(
                         QStringLiteral("0003_use/up.sql:1:1: uses the enum value 'great'"))
                     && r.problems.first().contains(QStringLiteral("0002_add/up.sql:1:1")),
                 qPrintable(r.problems.join(u'\n')));
        QCOMPARE(ledgerCount(db), 0);
    }

    void editedFileBlocksUntilRepair()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("2"))).ok());
        }
        f.add(QStringLiteral("0002_posts"), kPostsUp + "-- edited after it was applied\n",
              kPostsDown);
        Engine e(f.path(), db.conninfo());
        const auto statuses = e.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(1).state, MigrationState::Modified);
        const auto problems = MigrationValidator::checkLedger(statuses.value());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().kind, QStringLiteral("modified"));
        QVERIFY(problems.first().file.endsWith(QStringLiteral("0002_posts/up.sql")));

        const RunResult up = e.runner->up();
        QCOMPARE(up.outcome, RunResult::Outcome::Blocked);
        QVERIFY(up.problems.first().contains(QStringLiteral("0002_posts")));
        QCOMPARE(ledgerCount(db), 2); // 0003 was not applied
        QCOMPARE(e.runner->down({}).outcome, RunResult::Outcome::Blocked);

        const RunResult repair = e.runner->repair();
        QVERIFY2(repair.ok(), qPrintable(repair.message));
        QCOMPARE(repair.steps.size(), 1);
        QCOMPARE(
            db.scalar(
                "SELECT count(*) FROM uaip_ledger.uaip_migration_events WHERE action = 'repair'"),
            QStringLiteral("1"));
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 3);
    }

    void downSqlIntegrity_data()
    {
        QTest::addColumn<bool>("downAtApply");
        QTest::addColumn<QString>("note");
        QTest::newRow("edited after apply")
            << true << QStringLiteral("down.sql changed after it was applied");
        QTest::newRow("added after apply")
            << false << QStringLiteral("down.sql was added after it was applied");
    }

    void downSqlIntegrity()
    {
        QFETCH(bool, downAtApply);
        QFETCH(QString, note);
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, downAtApply ? kUsersDown : QByteArray());
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up().ok());
        }
        QCOMPARE(db.scalar("SELECT down_checksum IS NULL FROM uaip_ledger.uaip_schema_migrations"),
                 downAtApply ? QStringLiteral("f") : QStringLiteral("t"));
        // a down.sql nobody reviewed: it would drop a table the migration never created
        QVERIFY(db.witness().exec("CREATE TABLE keep_me (id int)").ok());
        f.write(QStringLiteral("0001_users/down.sql"), "DROP TABLE users;\nDROP TABLE keep_me;\n");
        Engine e(f.path(), db.conninfo());
        const auto statuses = e.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(0).state, MigrationState::Modified);
        QVERIFY2(statuses.value().at(0).note().contains(note),
                 qPrintable(statuses.value().at(0).note()));
        const RunResult down = e.runner->down({});
        QCOMPARE(down.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(down.problems.first().contains(note), qPrintable(down.problems.join(u'\n')));
        QVERIFY(tableExists(db, "keep_me"));
        QVERIFY(tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 1);
        // repair records the reviewed file; then it runs
        QVERIFY(e.runner->repair().ok());
        QCOMPARE(db.scalar("SELECT down_checksum FROM uaip_ledger.uaip_schema_migrations"),
                 e.source.migrations().first().downChecksum);
        QVERIFY(e.runner->down({}).ok());
        QVERIFY(!tableExists(db, "keep_me"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationPlanCheck)
#include "tst_migrationplancheck.moc"
