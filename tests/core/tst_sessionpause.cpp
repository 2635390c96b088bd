// The one pause of the async model (issue 58, point 7): SessionCanceller::pause and
// JobContext::pause, ended by the cancel that cancels a job's SQL. Every pause here would last
// ten minutes: one that ends within the tests' bounded waits was ended by the cancel.
// (QSignalSpy::wait misses a signal emitted on another thread before it starts waiting: the
// tests wait for the spy's count instead.)
#include "db/pgconnection.h"
#include "db/sessioncanceller.h"
#include "jobs/functionjob.h"
#include "jobs/job.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "sessiontestutil.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr int kLongMs = 10 * 60 * 1000;
constexpr int kBoundMs = 30000; // the tests' bounded waits, far below kLongMs

// A pause of canceller on a thread of its own: ended() once it returned, full() its answer.
class PauseThread
{
public:
    PauseThread(std::shared_ptr<SessionCanceller> canceller, int ms,
                const std::atomic_bool *cancelled = nullptr)
        : m_canceller(std::move(canceller))
        , m_thread([this, ms, cancelled] {
            m_full = m_canceller->pause(ms, cancelled);
            m_ended = true;
        })
    { }
    ~PauseThread()
    {
        // a failed test's pause still runs: cancelled, so the thread can be joined
        [[maybe_unused]] const bool gone = QTest::qWaitFor([this] {
            m_canceller->cancel();
            return m_ended.load();
        });
        m_thread.join();
    }
    PauseThread(const PauseThread &) = delete;
    PauseThread &operator=(const PauseThread &) = delete;

    bool ended() const { return m_ended.load(); }
    bool full() const { return m_full.load(); }

private:
    std::shared_ptr<SessionCanceller> m_canceller;
    std::atomic_bool m_full{false};
    std::atomic_bool m_ended{false};
    std::thread m_thread;
};

// One cancel, then whether the pause ended: a cancel asked for before the pause began is bound
// to nothing, so a bounded wait asks again until one lands during it.
bool cancelUntilEnded(SessionCanceller &canceller, const PauseThread &pause)
{
    canceller.cancel();
    return pause.ended();
}

// What a job's pause did, read after the job finished (the job outlives no test case).
struct PauseState
{
    std::atomic_bool entered{false};
    std::atomic_int full{-1}; // -1: the pause did not return
};

FunctionJob *pauseJob(std::shared_ptr<PauseState> state)
{
    return new FunctionJob(
        QStringLiteral("pause"), [state](JobContext &context) -> Result<QString> {
            state->entered = true;
            const bool full = context.pause(kLongMs);
            state->full = full ? 1 : 0;
            if (!full)
                return Error(ErrorCode::Cancelled, QStringLiteral("pause cancelled"));
            return QString();
        });
}

} // namespace

class TestSessionPause : public QObject
{
    Q_OBJECT

private slots:
    // A cancel asked while a pause runs ends it (false), on a connection outside any unit of
    // work: bound to that pause, it reaches neither the next command nor the next pause.
    void aCancelDuringAPauseEndsIt()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_sessionpause")));
        const std::shared_ptr<SessionCanceller> canceller = c.canceller();
        {
            PauseThread pause(canceller, kLongMs);
            QTRY_VERIFY_WITH_TIMEOUT(cancelUntilEnded(*canceller, pause), kBoundMs);
            QVERIFY(!pause.full());
        }
        QVERIFY(c.exec("SELECT pg_sleep(0.05)").ok());
        QVERIFY(canceller->pause(1));
    }

    // A cancel asked for when no pause runs never reaches a later one, with a connection or
    // without one.
    void aCancelBeforeAPauseNeverReachesIt()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_sessionpause")));
        c.canceller()->cancel();
        QVERIFY(c.canceller()->pause(1));
        const auto alone = std::make_shared<SessionCanceller>();
        alone->cancel();
        QVERIFY(alone->pause(1));
    }

    // Within a unit of work (a job), a cancel kept for the work's next command ends a pause at
    // once and still cancels that command, once; one asked during a pause ends it and is kept
    // the same way (the pause runs between two commands).
    void inAUnitOfWorkThePauseEndsAndTheNextCommandIsCancelledOnce()
    {
        TestDatabase db;
        PgConnection c;
        QVERIFY(c.open(db.conninfo(), QStringLiteral("tst_sessionpause")));
        const std::shared_ptr<SessionCanceller> canceller = c.canceller();
        canceller->beginWork();
        QVERIFY(c.exec("SELECT 1").ok());
        canceller->cancel();
        {
            PauseThread pause(canceller, kLongMs);
            QTRY_VERIFY_WITH_TIMEOUT(pause.ended(), kBoundMs);
            QVERIFY(!pause.full());
        }
        PgResult next = c.exec("SELECT pg_sleep(30)");
        QVERIFY(!next.ok());
        QCOMPARE(next.error().sqlState, QStringLiteral("57014"));
        QVERIFY(c.exec("SELECT pg_sleep(0.05)").ok());
        {
            PauseThread pause(canceller, kLongMs);
            QTRY_VERIFY_WITH_TIMEOUT(cancelUntilEnded(*canceller, pause), kBoundMs);
            QVERIFY(!pause.full());
        }
        next = c.exec("SELECT pg_sleep(30)");
        QVERIFY(!next.ok());
        QCOMPARE(next.error().sqlState, QStringLiteral("57014"));
        QVERIFY(c.exec("SELECT pg_sleep(0.05)").ok());
        canceller->endWork();
        QVERIFY(canceller->pause(1));
    }

    // The caller's own flag (a runner's "cancelled"), set and then followed by cancel() as
    // MigrationRunner::cancel does, ends the pause whenever it comes; one set already ends it at
    // once. On a canceller no connection uses (the pause of code without a session).
    void theCallersFlagEndsAPause()
    {
        const auto canceller = std::make_shared<SessionCanceller>();
        std::atomic_bool cancelled{false};
        {
            PauseThread pause(canceller, kLongMs, &cancelled);
            cancelled = true;
            canceller->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(pause.ended(), kBoundMs);
            QVERIFY(!pause.full());
        }
        {
            PauseThread pause(canceller, kLongMs, &cancelled);
            QTRY_VERIFY_WITH_TIMEOUT(pause.ended(), kBoundMs);
            QVERIFY(!pause.full());
        }
        cancelled = false;
        QVERIFY(canceller->pause(1, &cancelled));
    }

    // Job::cancel() ends the job's pause (JobContext::pause) and the job reports "cancelled";
    // on a worker with a session (its canceller's pause) and on one without a database (a
    // canceller of the pause's own, reached by a cancel action).
    void aCancelledJobsPauseEndsAndTheJobReportsCancelled_data()
    {
        QTest::addColumn<bool>("withSession");
        QTest::newRow("session") << true;
        QTest::newRow("no database") << false;
    }
    void aCancelledJobsPauseEndsAndTheJobReportsCancelled()
    {
        QFETCH(bool, withSession);
        TestDatabase db;
        SessionWorker worker(withSession ? std::optional(specFor(db)) : std::nullopt,
                             QStringLiteral("t"));
        const auto state = std::make_shared<PauseState>();
        Job *job = pauseJob(state);
        const auto end = watchEnd(job);
        worker.post(job);
        QTRY_VERIFY_WITH_TIMEOUT(state->entered.load(), kBoundMs);
        job->cancel(); // before the pause began or during it: either way it ends
        QTRY_VERIFY_WITH_TIMEOUT(end->finished, kBoundMs);
        QCOMPARE(state->full.load(), 0);
        QCOMPARE(end->ok, false);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
        if (!withSession)
            return;
        // the cancel ended with its job: the worker's next job runs
        auto *next = sqlJob("SELECT pg_sleep(0.05)");
        QSignalSpy nextDone(next, &Job::finished);
        worker.post(next);
        QTRY_VERIFY_WITH_TIMEOUT(!nextDone.isEmpty(), kBoundMs);
        QVERIFY2(nextDone.at(0).at(0).toBool(), qPrintable(nextDone.at(0).at(1).toString()));
    }

    // A pause nothing cancels runs in full (true): the retries' pace is unchanged.
    void anUncancelledPauseRunsInFull()
    {
        TestDatabase db;
        SessionWorker worker(specFor(db), QStringLiteral("t"));
        const auto state = std::make_shared<PauseState>();
        auto *job = new FunctionJob(
            QStringLiteral("pause"), [state](JobContext &context) -> Result<QString> {
                state->full = context.pause(20) ? 1 : 0;
                if (state->full != 1)
                    return Error(ErrorCode::Cancelled, QStringLiteral("pause cancelled"));
                return QString();
            });
        QSignalSpy done(job, &Job::finished);
        worker.post(job);
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kBoundMs);
        QCOMPARE(state->full.load(), 1);
        QCOMPARE(done.at(0).at(0).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestSessionPause)
#include "tst_sessionpause.moc"
