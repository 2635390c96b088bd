// The migration engine in-process against a real PostgreSQL: apply, roll back, targets,
// failures (with file:line:col), edited files, baseline, repair, no-transaction migrations,
// the advisory lock, cancel, and ledgers it must refuse.
#include "db/databaseidentity.h"
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "jobs/migrationrunjob.h"
#include "jobs/sessionworker.h"
#include "migrate/ledger.h"
#include "migrate/migrationlock.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationsource.h"
#include "migrate/migrationvalidator.h"
#include "migrate/rollbackpreview.h"
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

// The ledger as the first format created it (app/core/migrate/sql/ledger_create.sql before
// the ledger moved into its own schema), wherever search_path pointed.
const char *const kLedgerFormat1
    = R"sql(-- The migration ledger: what is applied now, and every event that ever happened.
CREATE TABLE IF NOT EXISTS uaip_ledger_info (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO uaip_ledger_info (key, value) VALUES ('format', '1') ON CONFLICT (key) DO NOTHING;

CREATE TABLE IF NOT EXISTS uaip_schema_migrations (
    version       text PRIMARY KEY,
    name          text NOT NULL,
    checksum      text NOT NULL,
    down_checksum text,
    applied_at    timestamptz NOT NULL DEFAULT now(),
    applied_by    text NOT NULL DEFAULT current_user,
    client        text,
    duration_ms   integer,
    state         text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'dirty')),
    error         text
);

CREATE TABLE IF NOT EXISTS uaip_migration_events (
    id          bigserial PRIMARY KEY,
    version     text,
    name        text,
    action      text NOT NULL CHECK (action IN ('apply', 'rollback', 'baseline', 'repair')),
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'failed', 'cancelled')),
    happened_at timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL DEFAULT current_user,
    client      text,
    duration_ms integer,
    checksum    text,
    error       text
);
CREATE INDEX IF NOT EXISTS uaip_migration_events_version_idx
    ON uaip_migration_events (version, happened_at);
)sql";

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
            MigrationRunner::Options{lockWaitMs, 5000, QStringLiteral("tst_migrationrunner"),
                                     std::nullopt});
    }
};

bool tableExists(TestDatabase &db, const char *name)
{
    return db.scalar("SELECT to_regclass($1) IS NOT NULL", {QString::fromLatin1(name)})
        == QLatin1String("t");
}

// The error of a failed result, empty for a success (QVERIFY2 evaluates its message always).
template<typename T>
QString why(const DbResult<T> &result)
{
    return result ? QString() : result.error().toString();
}

int ledgerCount(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations").toInt();
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
        const auto statuses = e.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().size(), 3);
        for (const auto &s : statuses.value())
            QCOMPARE(s.state, MigrationState::Pending);
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));
    }

    // A ledger that cannot be read: the server's error comes back whole (SQLSTATE, position).
    void statusKeepsTheServersError()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        QVERIFY(db.witness()
                    .exec("ALTER TABLE uaip_ledger.uaip_schema_migrations "
                          "RENAME COLUMN checksum TO other")
                    .ok());
        const auto statuses = e.runner->status();
        QVERIFY(!statuses);
        QCOMPARE(statuses.error().sqlState, QStringLiteral("42703"));
        QVERIFY2(statuses.error().message.contains(QStringLiteral("checksum")),
                 qPrintable(statuses.error().toString()));
        QVERIFY(statuses.error().statementPosition > 0);
    }

    // The ledger's reads and writes return the server's error whole (SQLSTATE, constraint).
    void ledgerKeepsTheServersError()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        PgConnection &w = db.witness();
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_migration_events "
                       "ADD CONSTRAINT tst_no_events CHECK (false) NOT VALID")
                    .ok());
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_schema_migrations "
                       "ADD CONSTRAINT tst_no_x CHECK (version <> '9999') NOT VALID")
                    .ok());
        Ledger ledger(e.connection, QStringLiteral("tst_migrationrunner"));
        const DbResult<bool> exists = ledger.exists();
        QVERIFY(exists && exists.value());
        const DbStatus event = ledger.addEvent({0,
                                                QStringLiteral("0001"),
                                                QStringLiteral("users"),
                                                QStringLiteral("repair"),
                                                QStringLiteral("ok"),
                                                {},
                                                {},
                                                {},
                                                0,
                                                {},
                                                {}});
        QVERIFY(!event);
        QCOMPARE(event.error().sqlState, QStringLiteral("23514"));
        QCOMPARE(event.error().constraint, QStringLiteral("tst_no_events"));
        LedgerEntry entry;
        entry.version = QStringLiteral("9999");
        entry.name = QStringLiteral("x");
        entry.checksum = QStringLiteral("0");
        const DbStatus recorded = ledger.record(entry);
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().sqlState, QStringLiteral("23514"));
        QCOMPARE(recorded.error().constraint, QStringLiteral("tst_no_x"));
        QVERIFY(w.exec("ALTER TABLE uaip_ledger.uaip_migration_events "
                       "RENAME COLUMN happened_at TO other")
                    .ok());
        const auto events = ledger.events(QString(), 10);
        QVERIFY(!events);
        QCOMPARE(events.error().sqlState, QStringLiteral("42703"));
        QCOMPARE(ledgerCount(db), 3);
    }

    // ensure(): a server error keeps its SQLSTATE; a ledger of a newer format is refused
    // without one (no server error) and left as it is.
    void ensureSaysWhyItRefuses()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY2(e.runner->up().ok(), "up");
        PgConnection &w = db.witness();
        QVERIFY(w.exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '99' WHERE key = 'format'")
                    .ok());
        Ledger ledger(e.connection, QStringLiteral("tst_migrationrunner"));
        const DbStatus newer = ledger.ensure();
        QVERIFY(!newer);
        QVERIFY(newer.error().sqlState.isEmpty());
        QVERIFY2(newer.error().message.contains(QStringLiteral("format 99")),
                 qPrintable(newer.error().message));
        QVERIFY(w.exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '1' WHERE key = 'format'")
                    .ok());
        QVERIFY(e.connection.exec("SET lock_timeout = '1ms'").ok());
        QVERIFY(w.exec("BEGIN").ok());
        QVERIFY(w.exec("LOCK TABLE uaip_ledger.uaip_ledger_info IN ACCESS EXCLUSIVE MODE").ok());
        const DbStatus upgrade = ledger.ensure();
        QVERIFY(w.exec("ROLLBACK").ok());
        QVERIFY(!upgrade);
        QCOMPARE(upgrade.error().sqlState, QStringLiteral("55P03"));
        QVERIFY2(upgrade.error().message.startsWith(QStringLiteral("cannot ")),
                 qPrintable(upgrade.error().toString()));
    }

    // A lock request the server refuses for another reason: its error, SQLSTATE kept.
    void lockErrorKeepsTheServersError()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.connection.exec("BEGIN").ok());
        QVERIFY(!e.connection.exec("SELECT 1/0").ok());
        MigrationLock lock(e.connection);
        const DbResult<MigrationLock::Result> acquired = lock.acquire(1000, nullptr);
        QVERIFY(!acquired);
        QCOMPARE(acquired.error().sqlState, QStringLiteral("25P02")); // in a failed transaction
        QVERIFY2(
            acquired.error().message.startsWith(QStringLiteral("cannot take the migration lock: ")),
            qPrintable(acquired.error().toString()));
        QVERIFY(!lock.held());
        e.connection.exec("ROLLBACK");
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
        QCOMPARE(
            db.scalar(
                "SELECT outcome FROM uaip_ledger.uaip_migration_events WHERE version = '0002'"),
            QStringLiteral("failed"));
        QVERIFY(
            db.scalar("SELECT error FROM uaip_ledger.uaip_migration_events WHERE version = '0002'")
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
        QCOMPARE(r.problems.size(), 1);
        QVERIFY2(r.problems.first().contains(QStringLiteral("0002_typo/up.sql:2:8: syntax error")),
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
        QVERIFY2(all.problems[0].contains(QStringLiteral("0002_posts/down.sql:2:4: syntax error")),
                 qPrintable(all.problems.join(u'\n')));
        QVERIFY2(all.problems[1].contains(QStringLiteral("0001_users/down.sql:2:6: syntax error")),
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
                                   << QStringLiteral("up.sql:2:3: SAVEPOINT inside a migration");
        QTest::newRow("COMMIT in a DO block")
            << QByteArray("CREATE TABLE t (id int);\nDO $$\nBEGIN\n  COMMIT;\nEND\n$$;\n")
            << QStringLiteral("up.sql:2:1: COMMIT (in a DO block) inside a migration");
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
        QCOMPARE(db.scalar("SELECT action FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("baseline"));
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
        QCOMPARE(
            e.runner
                ->repair({RepairChoice::Kind::Forget, MigrationVersion::parse(QStringLiteral("3"))})
                .outcome,
            RunResult::Outcome::BadInput);
        const RunResult forget = e.runner->repair(
            {RepairChoice::Kind::Forget, MigrationVersion::parse(QStringLiteral("2"))});
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
            {RepairChoice::Kind::Resume, MigrationVersion::parse(QStringLiteral("1"))});
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
              "DISCARD PLANS;\nDROP TABLE b;\n");
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
            db.witness().exec(
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

    void eventTriggersStillGetTheSessionReset()
    {
        TestDatabase db;
        // DDL runs user code here: after every command the search_path is changed
        QVERIFY(db.witness()
                    .exec("CREATE SCHEMA other;\n"
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

    void ledgerReadsUnderTheLockAreBounded()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("1"))).ok());
        }
        // someone holds the ledger itself (not the advisory lock)
        PgConnection other;
        QVERIFY(other.open(db.conninfo(), QStringLiteral("ledger-holder")));
        QVERIFY(other.exec("BEGIN").ok());
        QVERIFY(other
                    .exec("LOCK TABLE uaip_ledger.uaip_ledger_info, "
                          "uaip_ledger.uaip_schema_migrations IN ACCESS EXCLUSIVE MODE")
                    .ok());
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_migrationrunner")));
        MigrationRunner runner(c, source.migrations(),
                               {5000, 300, QStringLiteral("tst"), std::nullopt});
        std::future<RunResult> future = std::async(std::launch::async, [&] { return runner.up(); });
        const auto release = qScopeGuard([&] { other.exec("ROLLBACK"); });
        QVERIFY2(future.wait_for(std::chrono::seconds(15)) == std::future_status::ready,
                 "the ledger read under the migration lock waited without a bound");
        const RunResult r = future.get();
        QCOMPARE(r.outcome, RunResult::Outcome::BadInput);
        QVERIFY2(r.message.contains(QStringLiteral("lock timeout")), qPrintable(r.message));
        other.exec("ROLLBACK");
        QCOMPARE(ledgerCount(db), 1);
        QVERIFY(!tableExists(db, "posts"));
    }

    void rollbackPreviewTakesTheMigrationLock()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("the-other-runner")));
        QVERIFY(holder
                    .exec("SELECT pg_advisory_lock($1, $2)",
                          {MigrationLock::kClassId, MigrationLock::kObjectId})
                    .ok());
        RollbackPreview preview(e.connection, e.source.migrations());
        QElapsedTimer timer;
        timer.start();
        const auto impact = preview.run({DownTarget::Kind::All, 0, {}}, 300);
        QVERIFY(!impact);
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY(preview.lockHolder());
        QCOMPARE(preview.lockHolder()->pid, holder.backendPid());
        const QString error = impact.error().message;
        QVERIFY2(error.contains(QString::number(holder.backendPid())), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("the-other-runner")), qPrintable(error));
        holder.close();
        const auto after = preview.run({DownTarget::Kind::All, 0, {}}, 300);
        QVERIFY2(after, qPrintable(after ? QString() : after.error().message));
        QCOMPARE(after.value().tables.size(), 2);
        QCOMPARE(after.value().versions.size(), 3);
        QVERIFY(tableExists(db, "users")); // a preview changes nothing
        // and it let go of the lock and of the session's lock_timeout
        QCOMPARE(e.connection.exec("SHOW lock_timeout").value(0, 0), QStringLiteral("0"));
        QVERIFY(e.runner->down({}).ok());
    }

    // Guarantee 4 (issue 9): what runs is what was previewed and confirmed. Another runner
    // applies a migration between the preview and the run: the run refuses, naming both plans,
    // and nothing is rolled back.
    void rollbackRefusesAPlanChangedSincePreview()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("0002"))).ok());
        RollbackPreview preview(e.connection, e.source.migrations());
        const DownTarget lastOne{DownTarget::Kind::Steps, 1, {}};
        const auto impact = preview.run(lastOne, 1000);
        QVERIFY2(impact, qPrintable(impact ? QString() : impact.error().message));
        QCOMPARE(impact.value().versions, QStringList{QStringLiteral("0002")});

        Engine other(f.path(), db.conninfo());
        QVERIFY(other.runner->up().ok()); // 0003 lands meanwhile

        MigrationRunner::Options options{5000, 5000, QStringLiteral("tst_migrationrunner"),
                                         impact.value().versions};
        MigrationRunner confirmed(e.connection, e.source.migrations(), options);
        const RunResult r = confirmed.down(lastOne);
        QCOMPARE(r.outcome, RunResult::Outcome::Blocked);
        QVERIFY2(r.message.contains(QStringLiteral("plan changed")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("0003")), qPrintable(r.message));
        QVERIFY(r.steps.isEmpty());
        // checked through a second connection: all three still applied, 0003's column there
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns "
                           "WHERE table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("1"));

        // The plan as it is now, previewed again, runs.
        options.expectedVersions = QStringList{QStringLiteral("0003")};
        MigrationRunner again(e.connection, e.source.migrations(), options);
        QVERIFY(again.down(lastOne).ok());
        QCOMPARE(ledgerCount(db), 2);
        QVERIFY(tableExists(db, "posts"));
    }

    // The run refuses a database other than the one the plan was confirmed for.
    void runRefusesAnotherDatabaseThanConfirmed()
    {
        TestDatabase a;
        TestDatabase b;
        MigrationFolder f;
        addThree(f);
        Engine onB(f.path(), b.conninfo());
        QVERIFY(onB.runner->up().ok());
        const DatabaseIdentity confirmedOnA{
            a.scalar("SELECT system_identifier::text FROM pg_control_system()"), a.name()};
        auto runOnB = [&](const DatabaseIdentity &expected) {
            SessionWorker worker(SessionSpec::from(b.profile(), QString(), QStringLiteral("test")),
                                 QStringLiteral("run"));
            auto *job
                = MigrationRunJob::down(onB.source.migrations(), {DownTarget::Kind::Steps, 1, {}},
                                        MigrationRunner::Options{}, expected);
            QSignalSpy finished(job, &Job::finished);
            worker.post(job);
            if (!finished.wait(30000))
                return std::make_pair(false, QStringLiteral("did not finish"));
            return std::make_pair(finished.first().at(0).toBool(),
                                  finished.first().at(1).toString());
        };
        const auto refused = runOnB(confirmedOnA);
        QCOMPARE(refused.first, false);
        QVERIFY2(refused.second.contains(a.name()) && refused.second.contains(b.name()),
                 qPrintable(refused.second));
        QCOMPARE(ledgerCount(b), 3);
        const DatabaseIdentity confirmedOnB{
            b.scalar("SELECT system_identifier::text FROM pg_control_system()"), b.name()};
        const auto ran = runOnB(confirmedOnB);
        QVERIFY2(ran.first, qPrintable(ran.second));
        QCOMPARE(ledgerCount(b), 2);
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
        QCOMPARE(
            db.scalar(
                "SELECT outcome FROM uaip_ledger.uaip_migration_events WHERE version = '0002'"),
            QStringLiteral("cancelled"));
    }

    void rollbackUsesTheLedgersVersion_data()
    {
        QTest::addColumn<QString>("appliedAs");
        QTest::addColumn<QString>("renamedTo");
        QTest::newRow("padded after apply")
            << QStringLiteral("7_users") << QStringLiteral("0007_users");
        QTest::newRow("unpadded after apply")
            << QStringLiteral("0007_users") << QStringLiteral("7_users");
    }

    void rollbackUsesTheLedgersVersion()
    {
        QFETCH(QString, appliedAs);
        QFETCH(QString, renamedTo);
        TestDatabase db;
        const QString ledgerVersion = appliedAs.section(u'_', 0, 0);
        {
            MigrationFolder f;
            f.add(appliedAs, kUsersUp, kUsersDown);
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up().ok());
        }
        QCOMPARE(db.scalar("SELECT version FROM uaip_ledger.uaip_schema_migrations"),
                 ledgerVersion);
        MigrationFolder renamed;
        renamed.add(renamedTo, kUsersUp, kUsersDown);
        Engine e(renamed.path(), db.conninfo());
        const RunResult down = e.runner->down({});
        QVERIFY2(down.ok(), qPrintable(down.message));
        QVERIFY(!tableExists(db, "users"));
        QCOMPARE(ledgerCount(db), 0);
        QCOMPARE(db.scalar("SELECT string_agg(version || ':' || action || ':' || outcome, ',' "
                           "ORDER BY id) FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("%1:apply:ok,%1:rollback:ok").arg(ledgerVersion));
        // and it can be applied again under its new name
        QVERIFY(e.runner->up().ok());
        QCOMPARE(ledgerCount(db), 1);
    }

    void rollbackNeedsExactlyOneLedgerRow()
    {
        TestDatabase db;
        MigrationFolder f;
        // a down.sql that removes its own ledger row: the runner's delete then finds none
        f.add(QStringLiteral("0001_users"), kUsersUp,
              "DROP TABLE users;\nDELETE FROM uaip_ledger.uaip_schema_migrations;\n");
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up().ok());
        const RunResult down = e.runner->down({});
        QCOMPARE(down.outcome, RunResult::Outcome::Failed);
        QVERIFY2(down.message.contains(QStringLiteral("no row for version 0001")),
                 qPrintable(down.message));
        QVERIFY(tableExists(db, "users")); // rolled back with it
        QCOMPARE(ledgerCount(db), 1);
        QCOMPARE(db.scalar("SELECT string_agg(action || ':' || outcome, ',' ORDER BY id) "
                           "FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("apply:ok,rollback:failed"));
    }

    void ledgerFoundWhateverTheSearchPath()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        {
            Engine e(f.path(), db.conninfo());
            QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("2"))).ok());
        }
        QVERIFY(db.witness().exec("CREATE SCHEMA elsewhere").ok());
        Engine other(f.path(),
                     db.conninfo() + QStringLiteral(" options='-c search_path=elsewhere'"));
        const auto statuses = other.runner->status();
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(0).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(1).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(2).state, MigrationState::Pending);
        QCOMPARE(db.scalar("SELECT value FROM uaip_ledger.uaip_ledger_info WHERE key = 'schema'"),
                 QStringLiteral("uaip_ledger"));
        QCOMPARE(
            db.scalar("SELECT count(*) FROM pg_class WHERE relname = 'uaip_schema_migrations'"),
            QStringLiteral("1"));
    }

    void upgradesTheLandedLedgerFormat()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        // 0001 applied by the landed engine: its ledger in public, format 1
        QVERIFY(db.witness().exec(kLedgerFormat1).ok());
        QVERIFY(db.witness().exec(kUsersUp).ok());
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        const Migration &m1 = source.migrations().first();
        QVERIFY(db.witness()
                    .exec("INSERT INTO uaip_schema_migrations (version, name, checksum, "
                          "down_checksum) VALUES ('0001', 'users', $1, $2)",
                          {m1.upChecksum, m1.downChecksum})
                    .ok());
        QVERIFY(db.witness()
                    .exec("INSERT INTO uaip_migration_events (version, name, action, outcome) "
                          "VALUES ('0001', 'users', 'apply', 'ok')")
                    .ok());
        Engine e(f.path(), db.conninfo());
        const auto statuses = e.runner->status(); // read-only: reads format 1 where it is
        QVERIFY2(statuses, qPrintable(why(statuses)));
        QCOMPARE(statuses.value().at(0).state, MigrationState::Applied);
        QCOMPARE(statuses.value().at(1).state, MigrationState::Pending);
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_schema_migrations') IS NOT NULL"),
                 QStringLiteral("t"));

        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message));
        QCOMPARE(up.steps.size(), 2); // 0001 was not run again
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));
        QCOMPARE(db.scalar("SELECT to_regclass('public.uaip_ledger_info') IS NULL"),
                 QStringLiteral("t"));
        QCOMPARE(ledgerCount(db), 3);
        QCOMPARE(db.scalar("SELECT value FROM uaip_ledger.uaip_ledger_info WHERE key = 'format'"),
                 QStringLiteral("2"));
        QCOMPARE(db.scalar("SELECT string_agg(version || ':' || action, ',' ORDER BY id) "
                           "FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("0001:apply,0002:apply,0003:apply"));
        QVERIFY(e.runner->down({DownTarget::Kind::All, 0, {}}).ok());
        QVERIFY(!tableExists(db, "users"));
    }

    void refusesLedgerFromNewerVersion()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->up(MigrationVersion::parse(QStringLiteral("1"))).ok());
        QVERIFY(
            db.witness()
                .exec("UPDATE uaip_ledger.uaip_ledger_info SET value = '99' WHERE key = 'format'")
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
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));
        e.connection.close();
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(role));
    }
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
