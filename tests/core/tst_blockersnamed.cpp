// Issue 59, point 3: blockers named right. What a migration statement waits for is seen by a
// second session while it waits (pg_blocking_pids of the runner's backend), never guessed after
// the rollback: a CREATE INDEX CONCURRENTLY waiting for an idle-in-transaction writer (or an old
// snapshot) names that session, not the platform's sessions queued behind the build; it is
// cancelled once its lock budget is spent, and the invalid index it leaves is dropped or named
// with the statement that drops it; while it waits the runner says what for, who holds it up and
// how long (point 6). A batch blocked by a row lock names the session holding the row.
#include "live/lockwaitwatch.h"
#include "migrationrunnertestutil.h"
#include "runnermessages.h"
#include "testcluster.h"
#include "waitfor.h"

#include <QMutex>

#include <future>

using namespace uaip;
using namespace uaip::test;

namespace {

MigrationRunner::Options options(int attemptMs, int budgetMs)
{
    MigrationRunner::Options o;
    o.lockWaitMs = 5000;
    o.lockTimeoutMs = budgetMs;
    o.lockAttemptMs = attemptMs;
    o.client = QStringLiteral("tst_blockersnamed");
    return o;
}

// 0001: the table t (100 rows) and other; 0002: second.
void tableThen(MigrationFolder &f, const QByteArray &second)
{
    f.add(QStringLiteral("0001_table"),
          "CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL DEFAULT 0);\n"
          "INSERT INTO t SELECT g FROM generate_series(1, 100) g;\n"
          "CREATE TABLE other (id int);\n",
          "DROP TABLE other;\nDROP TABLE t;\n");
    f.add(QStringLiteral("0002_next"), second, "-- uaip:no-transaction\nSELECT 1;\n");
}

// The pid of the session of this database running a statement that starts with prefix and waits
// for a lock; 0 while there is none.
int waitingPid(TestDatabase &db, const QString &prefix)
{
    return db
        .scalar(QStringLiteral("SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE datname "
                               "= current_database() AND wait_event_type = 'Lock' AND query LIKE "
                               "'%1%'")
                    .arg(prefix)
                    .toUtf8())
        .toInt();
}

const QByteArray kConcurrentIndex
    = "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY n_idx ON t (n);\n";

} // namespace

class TestBlockersNamed : public QObject
{
    Q_OBJECT

private:
    // 0001 applied; hold (a session of application "analytics") keeps the build of 0002 waiting;
    // once it waits, a platform session queues behind it (LOCK TABLE t). The run's result, its
    // progress lines, and the pids of the holder and the queued session.
    struct Held
    {
        RunResult result;
        QString lines;
        int holder = 0;
        int queued = 0;
    };
    static std::optional<Held> buildWaitsFor(TestDatabase &db, const QList<QByteArray> &hold)
    {
        MigrationFolder f;
        tableThen(f, kConcurrentIndex);
        MigrationSource source;
        if (!source.load(f.path()))
            return std::nullopt;
        PgConnection c;
        if (!c.open(db.conninfo(), QStringLiteral("tst_blockersnamed")))
            return std::nullopt;
        // a budget the side cancel must end: 3 s, so the progress line (every 2 s) comes
        MigrationRunner runner(c, source.migrations(), options(200, 3000));
        if (!runner.up(*MigrationVersion::parse(QStringLiteral("1"))).ok())
            return std::nullopt;
        PgConnection holder;
        if (!holder.open(db.conninfo(), QStringLiteral("analytics")))
            return std::nullopt;
        for (const QByteArray &sql : hold)
            if (!holder.exec(sql).ok())
                return std::nullopt;
        RunnerMessages messages;
        QObject::connect(
            &runner, &MigrationRunner::message, &runner,
            [&messages](const QString &line) { messages.add(line); }, Qt::DirectConnection);
        std::future<RunResult> future = std::async(std::launch::async, [&] { return runner.up(); });
        PgConnection queued; // the platform, behind the build
        const bool waits = waitFor([&] { return waitingPid(db, "CREATE INDEX") != 0; }, 15000);
        const bool queuedOpen = waits && queued.open(db.conninfo(), QStringLiteral("pgbench"))
            && queued.exec("BEGIN").ok()
            && queued.send("LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE");
        const bool queuedWaits
            = queuedOpen && waitFor([&] { return waitingPid(db, "LOCK TABLE t") != 0; }, 15000);
        const bool ended = future.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
        Held held{ended ? future.get() : RunResult(), messages.text(), holder.backendPid(),
                  queued.isOpen() ? queued.backendPid() : 0};
        holder.exec("ROLLBACK");
        if (queued.isOpen()) {
            queued.discardResults();
            queued.exec("ROLLBACK");
        }
        if (waits && queuedWaits && ended)
            return held;
        qWarning("waits %d, queued %d, ended %d: %s\n%s", waits, queuedWaits, ended,
                 qPrintable(held.lines), qPrintable(held.result.message));
        return std::nullopt;
    }

    // The build gave up within its budget, naming the holder and not the queued session; the
    // invalid index is gone, or named with the statement that drops it (here named: the queued
    // session takes the table's SHARE UPDATE EXCLUSIVE lock once the build is cancelled, so the
    // drop's one short attempt fails).
    static void checkBuild(TestDatabase &db, const Held &h)
    {
        const RunResult &r = h.result;
        QCOMPARE(r.outcome, RunResult::Outcome::LockTimeout);
        QVERIFY2(r.message.contains(QStringLiteral("cancelled once it had waited its lock budget")),
                 qPrintable(r.message));
        QVERIFY2(!r.lockAttempts.isEmpty(), qPrintable(r.message));
        const LockAttempt &a = r.lockAttempts.last();
        QVERIFY2(a.waitedFor.contains(QStringLiteral("older transaction")),
                 qPrintable(a.waitedFor));
        QCOMPARE(a.blockers.size(), 1);
        QCOMPARE(a.blockers.first().pid, h.holder);
        QCOMPARE(a.blockers.first().application, QStringLiteral("analytics"));
        QVERIFY2(r.message.contains(QStringLiteral("pid %1 (analytics").arg(h.holder)),
                 qPrintable(r.message));
        QVERIFY2(!r.message.contains(QStringLiteral("pid %1 ").arg(h.queued)),
                 qPrintable(r.message));
        QVERIFY2(!r.message.contains(QStringLiteral("no session holds")), qPrintable(r.message));
        // while it waited: what for, who, how long
        QVERIFY2(h.lines.contains(QStringLiteral("0002_next: waiting ")), qPrintable(h.lines));
        QVERIFY2(h.lines.contains(QStringLiteral("held up by: pid %1 (analytics").arg(h.holder)),
                 qPrintable(h.lines));
        QVERIFY2(!h.lines.contains(QStringLiteral("pid %1 ").arg(h.queued)), qPrintable(h.lines));
        const QString invalid
            = db.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indrelid = "
                        "'t'::regclass");
        QVERIFY2(invalid == QLatin1String("0")
                     || r.message.contains(
                         QStringLiteral("run DROP INDEX CONCURRENTLY \"public\".\"n_idx\"")),
                 qPrintable(invalid + u' ' + r.message));
    }

private slots:
    void aConcurrentBuildNamesTheWriterItWaitsFor()
    {
        TestDatabase db;
        const std::optional<Held> h
            = buildWaitsFor(db, {"BEGIN", "UPDATE t SET n = n + 1 WHERE id = 1"});
        QVERIFY(h);
        checkBuild(db, *h);
    }

    void aConcurrentBuildNamesTheSnapshotItOutwaits()
    {
        TestDatabase db;
        const std::optional<Held> h
            = buildWaitsFor(db, {"BEGIN ISOLATION LEVEL REPEATABLE READ", "SELECT 1 FROM other"});
        QVERIFY(h);
        checkBuild(db, *h);
    }

    // A batch waits for a row another session locked (SELECT ... FOR UPDATE): the holder is
    // named, not "no session holds a conflicting lock".
    void aBatchBlockedByARowLockNamesItsHolder()
    {
        TestDatabase db;
        MigrationFolder f;
        tableThen(f, "-- uaip:no-transaction\n-- uaip:batch rows=10\nUPDATE t SET n = n + 1;\n");
        MigrationSource source;
        QVERIFY(source.load(f.path()));
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_blockersnamed")));
        MigrationRunner runner(c, source.migrations(), options(300, 1000));
        QVERIFY(runner.up(*MigrationVersion::parse(QStringLiteral("1"))).ok());
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("analytics")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("SELECT * FROM t WHERE id = 5 FOR UPDATE").ok());
        const RunResult r = runner.up();
        holder.exec("ROLLBACK");
        QCOMPARE(r.outcome, RunResult::Outcome::LockTimeout);
        QVERIFY2(!r.lockAttempts.isEmpty(), qPrintable(r.message));
        const LockAttempt &a = r.lockAttempts.last();
        QVERIFY2(a.waitedFor.contains(QStringLiteral("a row of t")), qPrintable(a.waitedFor));
        QCOMPARE(a.blockers.size(), 1);
        QCOMPARE(a.blockers.first().pid, holder.backendPid());
        QVERIFY2(r.message.contains(
                     QStringLiteral("last held by: pid %1 (analytics").arg(holder.backendPid())),
                 qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestBlockersNamed)
#include "tst_blockersnamed.moc"
