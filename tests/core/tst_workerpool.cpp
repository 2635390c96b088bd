// WorkerPool against the real sandbox: jobs run side by side on different sessions, a job
// waits in the queue only while every worker is busy, cancelAll ends the running jobs and
// finishes the queued ones unrun, and destroying the pool never waits.
#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "jobs/workerpool.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace uaip;
using namespace uaip::test;

namespace {

SessionSpec specOf(const TestDatabase &db)
{
    return SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
}

// What a job saw: its session's backend, and when it started and ended on the shared clock.
struct Trace
{
    std::atomic_int pid{0};
    std::atomic<qint64> startMs{-1};
    std::atomic<qint64> endMs{-1};
};

FunctionJob *sleeper(const QByteArray &seconds, Trace *trace, const QElapsedTimer *clock)
{
    return new FunctionJob(QStringLiteral("sleep %1").arg(QString::fromLatin1(seconds)),
                           [=](JobContext &c, QString *summary) {
                               trace->startMs = clock->elapsed();
                               DbResult<Session *> s = c.session();
                               if (!s) {
                                   *summary = s.error().message;
                                   return false;
                               }
                               trace->pid = s.value()->backendPid();
                               const PgResult r
                                   = s.value()->pg().exec("SELECT pg_sleep(" + seconds + ")");
                               trace->endMs = clock->elapsed();
                               if (!r.ok())
                                   *summary = r.error().sqlState;
                               return r.ok();
                           });
}

int running(TestDatabase &db)
{
    return db
        .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state = 'active' AND query LIKE 'SELECT pg_sleep(%' "
                "AND pid <> pg_backend_pid()")
        .toInt();
}

} // namespace

class TestWorkerPool : public QObject
{
    Q_OBJECT

private slots:
    void jobsRunSideBySideAndQueueWhileAllAreBusy()
    {
        TestDatabase db;
        WorkerPool pool(specOf(db), QStringLiteral("pool"), 2);
        QCOMPARE(pool.size(), 2);
        QElapsedTimer clock;
        clock.start();
        Trace a, b, c;
        QList<QPointer<Job>> jobs{sleeper("1.5", &a, &clock), sleeper("0.3", &b, &clock),
                                  sleeper("0.1", &c, &clock)};
        QSignalSpy firstDone(jobs.first().data(), &Job::finished);
        QSignalSpy lastDone(jobs.last().data(), &Job::finished);
        for (Job *j : jobs)
            pool.post(j);
        QCOMPARE(pool.queued(), 1); // two workers, three jobs
        QTRY_VERIFY_WITH_TIMEOUT(!firstDone.isEmpty() && !lastDone.isEmpty(), 30000);
        QCOMPARE(firstDone.first().at(0).toBool(), true);
        QCOMPARE(lastDone.first().at(0).toBool(), true);
        // a and b on two sessions at the same time ...
        QVERIFY(a.pid != 0 && b.pid != 0);
        QVERIFY(a.pid != b.pid);
        QVERIFY2(b.startMs < a.endMs,
                 qPrintable(QStringLiteral("b started at %1, a ended at %2")
                                .arg(b.startMs.load())
                                .arg(a.endMs.load())));
        // ... c on the first one free (b's), after b, before a ended.
        QCOMPARE(c.pid.load(), b.pid.load());
        QVERIFY(c.startMs >= b.endMs);
        QVERIFY2(c.startMs < a.endMs,
                 qPrintable(QStringLiteral("c started at %1, a ended at %2")
                                .arg(c.startMs.load())
                                .arg(a.endMs.load())));
        const QList<int> pids = pool.backendPids();
        QVERIFY(pids.contains(a.pid.load()) && pids.contains(b.pid.load()));
    }

    void cancelAllEndsRunningAndFinishesQueuedUnrun()
    {
        TestDatabase db;
        WorkerPool pool(specOf(db), QStringLiteral("pool"), 2);
        QElapsedTimer clock;
        clock.start();
        Trace t[4];
        QList<std::shared_ptr<QSignalSpy>> done;
        QList<QPointer<Job>> jobs;
        for (Trace &trace : t) {
            Job *job = sleeper("30", &trace, &clock);
            jobs << job;
            done << std::make_shared<QSignalSpy>(job, &Job::finished);
            pool.post(job);
        }
        QCOMPARE(pool.queued(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 2, 20000);
        QElapsedTimer cancelClock;
        cancelClock.start();
        pool.cancelAll();
        QCOMPARE(pool.queued(), 0);
        for (const auto &spy : done) {
            QTRY_VERIFY_WITH_TIMEOUT(!spy->isEmpty(), 20000);
            QCOMPARE(spy->size(), 1);
            QCOMPARE(spy->first().at(0).toBool(), false);
        }
        QVERIFY2(cancelClock.elapsed() < 10000, qPrintable(QString::number(cancelClock.elapsed())));
        QCOMPARE(running(db), 0);
        // The running two were cancelled on the server; the queued two never ran.
        QVERIFY(t[0].startMs >= 0 && t[1].startMs >= 0);
        QCOMPARE(t[2].startMs.load(), -1);
        QCOMPARE(t[3].startMs.load(), -1);

        // The pool works on after a cancel.
        Trace after;
        Job *next = sleeper("0", &after, &clock);
        QSignalSpy nextDone(next, &Job::finished);
        pool.post(next);
        QTRY_VERIFY_WITH_TIMEOUT(!nextDone.isEmpty(), 20000);
        QCOMPARE(nextDone.first().at(0).toBool(), true);
    }

    void destroyingThePoolNeverWaits()
    {
        TestDatabase db;
        auto pool = std::make_unique<WorkerPool>(specOf(db), QStringLiteral("pool"), 2);
        QElapsedTimer clock;
        clock.start();
        Trace t[3];
        QList<std::shared_ptr<QSignalSpy>> done;
        for (Trace &trace : t) {
            Job *job = sleeper("30", &trace, &clock);
            done << std::make_shared<QSignalSpy>(job, &Job::finished);
            pool->post(job);
        }
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 2, 20000);
        QElapsedTimer destroy;
        destroy.start();
        pool.reset();
        QVERIFY2(destroy.elapsed() < 100, qPrintable(QString::number(destroy.elapsed())));
        for (const auto &spy : done) {
            QTRY_VERIFY_WITH_TIMEOUT(!spy->isEmpty(), 20000);
            QCOMPARE(spy->first().at(0).toBool(), false);
        }
        QVERIFY(SessionWorker::waitForAll(20000));
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 0, 20000);
        QCOMPARE(t[2].startMs.load(), -1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
