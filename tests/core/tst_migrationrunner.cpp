// The migration engine in-process against a real PostgreSQL: apply, roll back, targets,
// failures (with file:line:col), edited files, baseline, repair, no-transaction migrations,
// the advisory lock, cancel, and ledgers it must refuse.
#include "db/pgconnection.h"
#include "migrate/migrationlock.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationsource.h"
#include "migrate/migrationvalidator.h"
#include "migrationfolder.h"
#include "testdatabase.h"

#include <QtTest>

#include <chrono>
#include <future>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kUsersUp = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
                            "INSERT INTO users VALUES (1, 'a@example.org');\n";
const QByteArray kUsersDown = "DROP TABLE users;\n";
const QByteArray kPostsUp = "CREATE TABLE posts (id bigint PRIMARY KEY,\n"
                            "  user_id bigint NOT NULL REFERENCES users(id));\n"
                            "CREATE INDEX posts_user_idx ON posts(user_id);\n";
const QByteArray kPostsDown = "DROP TABLE posts;\n";
const QByteArray kTagsUp = "ALTER TABLE posts ADD COLUMN tags text[] NOT NULL DEFAULT '{}';\n";
const QByteArray kTagsDown = "ALTER TABLE posts DROP COLUMN tags;\n";

// Three ordinary migrations, the shape most tests start from.
void addThree(MigrationFolder &f)
{
    f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
    f.add(QStringLiteral("0002_posts"), kPostsUp, kPostsDown);
    f.add(QStringLiteral("0003_tags"), kTagsUp, kTagsDown);
}

struct Engine
{
    MigrationSource source;
    PgConnection connection;
    std::unique_ptr<MigrationRunner> runner;

    Engine(const QString &dir, const QString &conninfo, int lockWaitMs = 5000)
    {
        if (!source.load(dir))
            qFatal("migrations did not load: %s", qPrintable(source.errors().join(u'\n')));
        if (!connection.open(conninfo, QStringLiteral("tst_migrationrunner")))
            qFatal("connect: %s", qPrintable(connection.connectionError()));
        runner = std::make_unique<MigrationRunner>(
            connection, source.migrations(),
            MigrationRunner::Options{lockWaitMs, 5000, QStringLiteral("tst_migrationrunner")});
    }
};

bool tableExists(TestDatabase &db, const char *name)
{
    return db.scalar("SELECT to_regclass($1) IS NOT NULL", {QString::fromLatin1(name)})
        == QLatin1String("t");
}

int ledgerCount(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM uaip_schema_migrations").toInt();
}

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private slots:
    void statusWithoutLedgerCreatesNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QString error;
        const auto statuses = e.runner->status(&error);
        QVERIFY2(statuses, qPrintable(error));
        QCOMPARE(statuses->size(), 3);
        for (const auto &s : *statuses)
            QCOMPARE(s.state, MigrationState::Pending);
        QVERIFY(!tableExists(db, "uaip_schema_migrations"));
    }

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
        QCOMPARE(db.scalar("SELECT checksum FROM uaip_schema_migrations WHERE version = '0001'"),
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
                           "FROM uaip_migration_events"),
                 QStringLiteral("apply:ok,apply:ok,apply:ok,rollback:ok,rollback:ok,rollback:ok"));
    }

    void partialTargets()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("2"))).ok());
        QCOMPARE(ledgerCount(db), 2);
        QVERIFY(tableExists(db, "posts"));
        QVERIFY(e.runner
                    ->down({DownTarget::Kind::ToVersion, 0,
                            MigrationVersion::parse(QStringLiteral("0001"))})
                    .ok());
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(!tableExists(db, "posts"));
        QVERIFY(tableExists(db, "users")); // the target stays applied
        QVERIFY(e.runner->up().ok());
        QVERIFY(e.runner->down({DownTarget::Kind::Steps, 2, {}}).ok());
        QCOMPARE(db.scalar("SELECT string_agg(version, ',') FROM uaip_schema_migrations"),
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
        QCOMPARE(r.failure->error.sqlState, sqlState);
        QCOMPARE(r.failure->file, f.path() + QStringLiteral("/0002_broken/up.sql"));
        QCOMPARE(r.failure->position.line, line);
        QCOMPARE(r.failure->position.column, column);
        QVERIFY(
            r.message.contains(QStringLiteral("0002_broken/up.sql:%1:%2").arg(line).arg(column)));
        // nothing of 0002 remains, 0001 stays applied, the failure is in the event log
        QVERIFY(!tableExists(db, "audit"));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("1"));
        QCOMPARE(db.scalar("SELECT outcome FROM uaip_migration_events WHERE version = '0002'"),
                 QStringLiteral("failed"));
        QVERIFY(db.scalar("SELECT error FROM uaip_migration_events WHERE version = '0002'")
                    .contains(sqlState));
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
        QCOMPARE(r.failure->error.sqlState, QStringLiteral("23503"));
        QVERIFY(!tableExists(db, "notes"));
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(e.runner->down({}).ok()); // the session is usable afterwards
    }

    void syntaxErrorRunsNothing()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_typo"), "CREATE TABLE a (id int);\nCREATE TABLEX b (id int);\n");
        Engine e(f.path(), db.conninfo());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY(r.failure);
        QCOMPARE(r.failure->position.line, 2);
        QVERIFY(!tableExists(db, "a"));
        QCOMPARE(ledgerCount(db), 1);
    }

    void editedFileBlocksUntilRepair()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("2"))).ok());
        }
        f.add(QStringLiteral("0002_posts"), kPostsUp + "-- edited after it was applied\n",
              kPostsDown);
        Engine e(f.path(), db.conninfo());
        QString error;
        const auto statuses = e.runner->status(&error);
        QCOMPARE(statuses->at(1).state, MigrationState::Modified);
        const auto problems = MigrationValidator::checkLedger(*statuses);
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
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_migration_events WHERE action = 'repair'"),
                 QStringLiteral("1"));
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 3);
    }

    void baselineMarksWithoutRunning()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        // the database already has what 0001 creates, made by hand
        QVERIFY(db.witness().exec(kUsersUp).ok());
        Engine e(f.path(), db.conninfo());
        const RunResult b = e.runner->baseline(*MigrationVersion::parse(QStringLiteral("1")));
        QVERIFY2(b.ok(), qPrintable(b.message));
        QCOMPARE(b.steps.size(), 1);
        QCOMPARE(db.scalar("SELECT action FROM uaip_migration_events"), QStringLiteral("baseline"));
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM users"), QStringLiteral("1")); // not re-run
        QCOMPARE(e.runner->baseline(*MigrationVersion::parse(QStringLiteral("0"))).outcome,
                 RunResult::Outcome::BadInput);
    }

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
        QCOMPARE(db.scalar("SELECT state FROM uaip_schema_migrations WHERE version = '0002'"),
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
        QCOMPARE(up.failure->position.line, 3);
        QCOMPARE(db.scalar("SELECT state FROM uaip_schema_migrations WHERE version = '0002'"),
                 QStringLiteral("dirty"));
        QString error;
        QCOMPARE(e.runner->status(&error)->at(1).state, MigrationState::Failed);
        QCOMPARE(e.runner->up().outcome, RunResult::Outcome::Blocked);
        QCOMPARE(MigrationRunner::repairPlan(*e.runner->status(&error)).size(), 1);
        QVERIFY(e.runner->repair().ok());
        QCOMPARE(e.runner->status(&error)->at(1).state, MigrationState::Pending);
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

    void lockHeldByAnotherSession()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("the-other-runner")));
        QVERIFY(holder
                    .exec("SELECT pg_advisory_lock($1, $2)",
                          {MigrationLock::kClassId, MigrationLock::kObjectId})
                    .ok());
        Engine e(f.path(), db.conninfo(), 300);
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::LockTimeout);
        QCOMPARE(r.exitCode(), 4);
        QVERIFY(r.lockHolder);
        QCOMPARE(r.lockHolder->pid, holder.backendPid());
        QCOMPARE(r.lockHolder->application, QStringLiteral("the-other-runner"));
        QVERIFY(r.message.contains(QString::number(holder.backendPid())));
        QVERIFY(!tableExists(db, "users"));
        holder.close(); // the server releases a session lock with the session
        QVERIFY(e.runner->up().ok());
    }

    void cancelMidMigration()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("0002_slow"),
              "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(60);\nCREATE TABLE after_sleep "
              "(id int);\n");
        Engine e(f.path(), db.conninfo());
        std::future<RunResult> future
            = std::async(std::launch::async, [&] { return e.runner->up(); });
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND query LIKE 'SELECT pg_sleep(60)%'")
                == QLatin1String("1"),
            20000);
        e.runner->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(
            future.wait_for(std::chrono::seconds(0)) == std::future_status::ready, 20000);
        const RunResult r = future.get();
        QCOMPARE(r.outcome, RunResult::Outcome::Failed);
        QVERIFY(r.cancelled);
        QCOMPARE(r.failure->position.line, 2);
        QVERIFY(!tableExists(db, "before_sleep"));
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT outcome FROM uaip_migration_events WHERE version = '0002'"),
                 QStringLiteral("cancelled"));
    }

    void refusesLedgerFromNewerVersion()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("1"))).ok());
        QVERIFY(db.witness()
                    .exec("UPDATE uaip_ledger_info SET value = '99' WHERE key = 'format'")
                    .ok());
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.message.contains(QStringLiteral("newer")), qPrintable(r.message));
        QCOMPARE(ledgerCount(db), 1);
    }

    void userWithoutDdlRights()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        const QString role = QStringLiteral("r_") + db.name();
        QVERIFY(
            db.witness().exec("CREATE ROLE " + db.witness().quoteIdentifier(role) + " LOGIN").ok());
        Engine e(f.path(), db.conninfo() + QStringLiteral(" user=") + role);
        const RunResult r = e.runner->up();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.message.contains(QStringLiteral("permission denied")), qPrintable(r.message));
        QVERIFY(!tableExists(db, "uaip_schema_migrations"));
        e.connection.close();
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(role));
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
