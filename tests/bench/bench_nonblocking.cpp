// How long the GUI thread's calls that must never wait take while a command runs on the server
// (run by hand; the tests check only that they do not wait, by what the jobs saw): Job::cancel()
// of a running pg_sleep (and how long until the server's sleep has ended, seen from another
// connection), retiring its SessionWorker (the destructor), destroying a WorkerPool of
// two busy workers. Baseline, measured in the same run: one `SELECT 1` round trip on a plain
// connection. Prints the median of each and its ratio to the baseline (issue 42, point 8: the
// wall-clock asserts of tst_session, tst_workerpool, tst_jobs, tst_sqlconsole and tst_sqlview
// moved here).
// Usage: bench_nonblocking [rounds]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "jobs/workerpool.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

FunctionJob *sleepJob()
{
    return new FunctionJob(QStringLiteral("sleep"), [](JobContext &c) -> Result<QString> {
        Result<Session *> s = c.session();
        if (!s)
            return s.error();
        if (const PgResult r = s.value()->pg().exec("SELECT pg_sleep(30)"); !r.ok())
            return Error(r.error());
        return QString();
    });
}

// Waits (bounded, processing events) until n backends of the database run the sleep.
bool sleeping(PgConnection &probe, int n)
{
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (probe
                .scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        "current_database() AND state = 'active' AND query = "
                        "'SELECT pg_sleep(30)' AND pid <> pg_backend_pid()")
                .toInt()
            == n)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::yieldCurrentThread();
    }
    return false;
}

qint64 microseconds(const std::function<void()> &call)
{
    QElapsedTimer t;
    t.start();
    call();
    return t.nsecsElapsed() / 1000;
}

int fail(const char *why)
{
    std::fprintf(stderr, "%s\n", why);
    return 1;
}

double median(std::vector<qint64> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[v.size() / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 10;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path());
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    const SessionSpec spec = SessionSpec::from(sandbox.profile(QStringLiteral("bench")), QString(),
                                               QStringLiteral("bench"));
    PgConnection probe;
    if (!probe.open(sandbox.conninfo(QStringLiteral("bench")), QStringLiteral("bench-probe"))) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(probe.connectionError()));
        return 1;
    }
    std::vector<qint64> roundTrip, cancel, cancelEnded, retire, pool;
    for (int round = 0; round < rounds; ++round) {
        roundTrip.push_back(microseconds([&] { probe.exec("SELECT 1"); }));

        SessionWorker worker(spec, QStringLiteral("bench"));
        Job *job = sleepJob();
        worker.post(job);
        if (!sleeping(probe, 1))
            return fail("the sleep never ran");
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        cancel.push_back(microseconds([&] { job->cancel(); }));
        if (!sleeping(probe, 0))
            return fail("the cancel did not end the sleep");
        cancelEnded.push_back(sinceCancel.nsecsElapsed() / 1000);

        auto retired = std::make_unique<SessionWorker>(spec, QStringLiteral("bench"));
        retired->post(sleepJob());
        if (!sleeping(probe, 1))
            return fail("the sleep never ran");
        retire.push_back(microseconds([&] { retired.reset(); }));
        if (!sleeping(probe, 0))
            return fail("retiring did not end the sleep");

        auto workers = std::make_unique<WorkerPool>(spec, QStringLiteral("bench"), 2);
        for (int i = 0; i < 3; ++i)
            workers->post(sleepJob());
        if (!sleeping(probe, 2))
            return fail("the pool's sleeps never ran");
        pool.push_back(microseconds([&] { workers.reset(); }));
        if (!sleeping(probe, 0))
            return fail("destroying the pool did not end the sleeps");
    }
    SessionWorker::waitForAll(20000);
    const double base = std::max(1.0, median(roundTrip));
    std::printf("median over %d rounds (microseconds; ratio to one SELECT 1 round trip)\n", rounds);
    std::printf("  SELECT 1 round trip (baseline)  %8.0f\n", median(roundTrip));
    for (const auto &[name, v] : {std::pair{"Job::cancel() of a running sleep", &cancel},
                                  std::pair{"cancel until the sleep has ended", &cancelEnded},
                                  std::pair{"retiring its SessionWorker      ", &retire},
                                  std::pair{"destroying a busy WorkerPool    ", &pool}})
        std::printf("  %s %8.0f  x%.1f\n", name, median(*v), median(*v) / base);
    sandbox.stop();
    return 0;
}
