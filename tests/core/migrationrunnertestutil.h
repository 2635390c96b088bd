#pragma once

// Shared by the migration engine's tests (tst_migration*.cpp): three ordinary migrations, an
// engine on a migrations folder, and small reads of the test database.
#include "db/pgconnection.h"
#include "ledger/migrationlock.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrationfolder.h"
#include "testdatabase.h"

#include <QtTest>

#include <chrono>
#include <future>
#include <memory>
#include <optional>

namespace uaip::test {

inline const QByteArray kUsersUp
    = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
      "INSERT INTO users VALUES (1, 'a@example.org');\n";
inline const QByteArray kUsersDown = "DROP TABLE users;\n";
inline const QByteArray kPostsUp = "CREATE TABLE posts (id bigint PRIMARY KEY,\n"
                                   "  user_id bigint NOT NULL REFERENCES users(id));\n"
                                   "CREATE INDEX posts_user_idx ON posts(user_id);\n";
inline const QByteArray kPostsDown = "DROP TABLE posts;\n";
inline const QByteArray kTagsUp
    = "ALTER TABLE posts ADD COLUMN tags text[] NOT NULL DEFAULT '{}';\n";
inline const QByteArray kTagsDown = "ALTER TABLE posts DROP COLUMN tags;\n";

// Three ordinary migrations, the shape most tests start from.
inline void addThree(MigrationFolder &f)
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

inline bool tableExists(TestDatabase &db, const char *name)
{
    return db.scalar("SELECT to_regclass($1) IS NOT NULL", {QString::fromLatin1(name)})
        == QLatin1String("t");
}

// The error of a failed result, empty for a success (QVERIFY2 evaluates its message always).
template<typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

inline int ledgerCount(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations").toInt();
}

// Takes the migration lock on holder, opened as a session of its own ("the-other-runner").
inline bool holdMigrationLock(PgConnection &holder, const TestDatabase &db)
{
    return holder.open(db.conninfo(), QStringLiteral("the-other-runner"))
        && holder
               .exec("SELECT pg_advisory_lock($1, $2)",
                     {MigrationLock::kClassId, MigrationLock::kObjectId})
               .ok();
}

// Runs up() on a thread of its own and cancels it once a migration sits in its
// pg_sleep(60): what up() said, or nothing when the sleep never showed or up() did not end.
inline std::optional<RunResult> upCancelledInSleep(Engine &e, TestDatabase &db)
{
    std::future<RunResult> future = std::async(std::launch::async, [&] { return e.runner->up(); });
    const bool sleeping = QTest::qWaitFor(
        [&] {
            return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                             "current_database() AND query LIKE 'SELECT pg_sleep(60)%'")
                == QLatin1String("1");
        },
        20000);
    e.runner->cancel();
    if (!sleeping
        || !QTest::qWaitFor(
            [&] { return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
            20000))
        return std::nullopt;
    return future.get();
}

// Whether a run's message or problems say text; both, for a failed check's message.
inline bool mentions(const RunResult &r, const QString &text)
{
    return r.message.contains(text) || r.problems.join(u'\n').contains(text);
}

inline QString describe(const RunResult &r)
{
    return r.message + u'\n' + r.problems.join(u'\n');
}

} // namespace uaip::test
