// The migration lock and concurrency against a real PostgreSQL: the lock's errors, a lock
// held by another session, bounded ledger reads under the lock, the rollback preview taking
// the lock, and cancel in the middle of a migration.
#include "ledger/migrationlock.h"
#include "migrate/rollbackpreview.h"
#include "migrationrunnertestutil.h"

#include <chrono>
#include <future>

using namespace uaip;
using namespace uaip::test;

class TestMigrationLocking : public QObject
{
    Q_OBJECT

private slots:
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
        const Result<MigrationLock::Outcome> acquired = lock.acquire(1000, nullptr);
        QVERIFY(!acquired);
        QCOMPARE(acquired.error().sqlState(), QStringLiteral("25P02")); // in a failed transaction
        QVERIFY2(acquired.error().toString().startsWith(
                     QStringLiteral("cannot take the migration lock: ")),
                 qPrintable(acquired.error().toString()));
        QVERIFY(!lock.held());
        e.connection.exec("ROLLBACK");
    }

    void lockHeldByAnotherSession()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        PgConnection holder;
        QVERIFY(holdMigrationLock(holder, db));
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
            QVERIFY(e.runner->up(*MigrationVersion::parse(QStringLiteral("1"))).ok());
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
        QCOMPARE(r.outcome, RunResult::Outcome::LockTimeout); // a lock timeout: exit 4
        // lock_not_available: the ledger read's lock timeout, the server's error kept
        QCOMPARE(r.error().sqlState(), QStringLiteral("55P03"));
        QCOMPARE(r.error().code(), ErrorCode::Conflict); // as the migration lock's timeout
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
        QVERIFY(holdMigrationLock(holder, db));
        RollbackPreview preview(e.connection, e.source.migrations());
        // the holder keeps the lock until it closes below: the preview can only return by
        // giving up its 300 ms lock wait (lock_not_available), which the holder read then and
        // the message (naming the bound) say
        const auto impact = preview.run({DownTarget::Kind::All, 0, {}}, 300);
        QVERIFY(!impact);
        QVERIFY(preview.lockHolder());
        QCOMPARE(preview.lockHolder()->pid, holder.backendPid());
        QCOMPARE(preview.lockHolder()->application, QStringLiteral("the-other-runner"));
        QCOMPARE(impact.error().code(), ErrorCode::Conflict);
        // the error names the holder and the bound
        QCOMPARE(impact.error().arg(QStringLiteral("holder_pid")).toInt(), holder.backendPid());
        QCOMPARE(impact.error().arg(QStringLiteral("wait_ms")).toInt(), 300);
        QCOMPARE(impact.error().arg(QStringLiteral("holder_application")).toString(),
                 QStringLiteral("the-other-runner"));
        holder.close();
        const auto after = preview.run({DownTarget::Kind::All, 0, {}}, 300);
        QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));
        QCOMPARE(after.value().tables.size(), 2);
        QCOMPARE(after.value().versions.size(), 3);
        QVERIFY(tableExists(db, "users")); // a preview changes nothing
        // and it let go of the lock and of the session's lock_timeout
        QCOMPARE(e.connection.exec("SHOW lock_timeout").value(0, 0), QStringLiteral("0"));
        QVERIFY(e.runner->down({}).ok());
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
        const std::optional<RunResult> cancelled = upCancelledInSleep(e, db);
        QVERIFY(cancelled);
        const RunResult &r = *cancelled;
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
};

QTEST_GUILESS_MAIN(TestMigrationLocking)
#include "tst_migrationlocking.moc"
