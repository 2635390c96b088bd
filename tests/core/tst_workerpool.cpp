// WorkerPool against the real sandbox: jobs run side by side on different sessions, a job
// waits in the queue only while every worker is busy, cancelAll ends the running jobs and
// finishes the queued ones unrun, and destroying the pool never waits (checked by what the
// jobs saw, not by a clock).
#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "jobend.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "jobs/workerpool.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSemaphore>
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
                           [=](JobContext &c) -> Result<QString> {
                               trace->startMs = clock->elapsed();
                               Result<Session *> s = c.session();
                               if (!s)
                                   return s.error();
                               trace->pid = s.value()->backendPid();
                               const PgResult r
                                   = s.value()->pg().exec("SELECT pg_sleep(" + seconds + ")");
                               trace->endMs = clock->elapsed();
                               if (!r.ok())
                                   return Error(r.error());
                               return QString();
                           });
}

// The state of a gated job: it holds its worker until released, or gives up after 20 s.
enum class Gate { NotStarted, Waiting, Released, GaveUp };

struct GateState
{
    QSemaphore release;
    std::atomic<Gate> state{Gate::NotStarted};
};

FunctionJob *gated(const std::shared_ptr<GateState> &gate)
{
    return new FunctionJob(QStringLiteral("gated"), [gate](JobContext &) {
        gate->state = Gate::Waiting;
        gate->state = gate->release.tryAcquire(1, 20000) ? Gate::Released : Gate::GaveUp;
        return Result<QString>(QString());
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
        QList<std::shared_ptr<JobEnd>> done;
        QList<QPointer<Job>> jobs;
        for (Trace &trace : t) {
            Job *job = sleeper("30", &trace, &clock);
            jobs << job;
            done << watchEnd(job);
            pool.post(job);
        }
        QCOMPARE(pool.queued(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 2, 20000);
        pool.cancelAll();
        QCOMPARE(pool.queued(), 0);
        for (const auto &end : done) {
            QTRY_VERIFY_WITH_TIMEOUT(end->finished, 20000);
            QCOMPARE(end->times, 1);
            QCOMPARE(end->ok, false);
        }
        QCOMPARE(running(db), 0);
        // The running two were cancelled on the server (not run to their end); the queued two
        // never ran.
        QVERIFY(t[0].startMs >= 0 && t[1].startMs >= 0);
        QCOMPARE(done.at(0)->error.sqlState(), QStringLiteral("57014"));
        QCOMPARE(done.at(1)->error.sqlState(), QStringLiteral("57014"));
        QCOMPARE(t[2].startMs.load(), -1);
        QCOMPARE(t[3].startMs.load(), -1);
        QCOMPARE(done.at(2)->error.code(), ErrorCode::Cancelled);
        QCOMPARE(done.at(3)->error.code(), ErrorCode::Cancelled);

        // The pool works on after a cancel.
        Trace after;
        Job *next = sleeper("0", &after, &clock);
        QSignalSpy nextDone(next, &Job::finished);
        pool.post(next);
        QTRY_VERIFY_WITH_TIMEOUT(!nextDone.isEmpty(), 20000);
        QCOMPARE(nextDone.first().at(0).toBool(), true);
    }

    // The pool's destructor returns while its jobs still run: one worker's job waits for a
    // release that comes only after the destructor returned (had it waited for the job, the
    // job would have given up first), the other's sleeps on the server and is cancelled there,
    // and the queued one never runs.
    void destroyingThePoolNeverWaits()
    {
        TestDatabase db;
        auto pool = std::make_unique<WorkerPool>(specOf(db), QStringLiteral("pool"), 2);
        QElapsedTimer clock;
        clock.start();
        const auto gate = std::make_shared<GateState>();
        Trace sleeping, queued;
        QList<std::shared_ptr<QSignalSpy>> done;
        for (Job *job :
             {static_cast<Job *>(sleeper("30", &sleeping, &clock)), static_cast<Job *>(gated(gate)),
              static_cast<Job *>(sleeper("30", &queued, &clock))}) {
            done << std::make_shared<QSignalSpy>(job, &Job::finished);
            pool->post(job);
        }
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(gate->state == Gate::Waiting, 20000);
        pool.reset();
        gate->release.release();
        QTRY_VERIFY_WITH_TIMEOUT(gate->state != Gate::Waiting, 30000);
        QVERIFY(gate->state == Gate::Released);
        for (const auto &spy : done)
            QTRY_VERIFY_WITH_TIMEOUT(!spy->isEmpty(), 20000);
        QCOMPARE(done.at(0)->first().at(0).toBool(), false); // cancelled on the server
        QCOMPARE(done.at(2)->first().at(0).toBool(), false); // never ran
        QVERIFY(SessionWorker::waitForAll(20000));
        QTRY_COMPARE_WITH_TIMEOUT(running(db), 0, 20000);
        QCOMPARE(queued.startMs.load(), -1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
