// uaip-test: no database
// ProcessRun, the one way the core runs a program and waits for it: in the cancellable wait of
// the async model (SessionCanceller::waitReady on the child's pidfd). A cancel from another
// thread ends the wait and the child; so does the timeout; a chatty child never stops on a full
// pipe; a process group is stopped whole.
#include "db/processrun.h"
#include "db/sessioncanceller.h"

#include <QDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <optional>
#include <thread>
#include <unistd.h>

using namespace uaip;

namespace {

bool processGone(pid_t pid)
{
    return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Whether a live process (not a zombie: its cmdline is empty) has marker among its arguments.
bool anyProcessWith(const QByteArray &marker)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker))
            return true;
    }
    return false;
}

// A run waited for on a thread of its own, as a job's worker waits; the test thread cancels it.
class BackgroundRun
{
public:
    BackgroundRun(ProcessRun &run, int timeoutMs)
        : m_run(run)
        , m_thread([this, timeoutMs] {
            m_result.emplace(m_run.wait(timeoutMs));
            m_done = true;
        })
    { }
    ~BackgroundRun()
    {
        if (!m_done && m_run.pid() > 0) // a wait the cancel did not end: the test failed
            ::kill(m_run.pid(), SIGKILL);
        m_thread.join();
    }
    bool done() const { return m_done.load(); }
    const Result<ProcessRun::Exit> &result() const { return *m_result; }

private:
    ProcessRun &m_run;
    std::optional<Result<ProcessRun::Exit>> m_result;
    std::atomic_bool m_done{false};
    std::thread m_thread;
};

} // namespace

class TestProcessRun : public QObject
{
    Q_OBJECT

private slots:
    void cancelFromAnotherThreadEndsTheWaitAndTheChild()
    {
        SessionCanceller canceller;
        std::atomic_bool cancelled{false};
        ProcessRun run(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        run.setCanceller(&canceller, &cancelled);
        BackgroundRun waiting(run, -1);
        QTRY_VERIFY_WITH_TIMEOUT(run.pid() > 0, 10000);
        const pid_t pid = run.pid();
        QVERIFY(!processGone(pid));
        cancelled = true;
        canceller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(waiting.done(), 20000);
        QVERIFY(!waiting.result());
        QCOMPARE(waiting.result().error().code(), ErrorCode::Cancelled);
        QCOMPARE(waiting.result().error().arg(QStringLiteral("program")).toString(),
                 QStringLiteral("/bin/sleep"));
        QVERIFY(processGone(pid)); // stopped and reaped: no zombie left either
    }

    // The canceller's wake-up alone ends the wait: no flag, no timeout, no tick to poll.
    void cancelWithoutAFlagEndsTheWait()
    {
        SessionCanceller canceller;
        ProcessRun run(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        run.setCanceller(&canceller);
        BackgroundRun waiting(run, -1);
        QTRY_VERIFY_WITH_TIMEOUT(run.pid() > 0, 10000);
        // a cancel before the wait began reaches nothing: asked for again until it ends
        QTRY_VERIFY_WITH_TIMEOUT((canceller.cancel(), waiting.done()), 20000);
        QCOMPARE(waiting.result().error().code(), ErrorCode::Cancelled);
        QVERIFY(processGone(run.pid()));
    }

    void timeoutStopsTheChild()
    {
        ProcessRun run(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        const Result<ProcessRun::Exit> ran = run.wait(100);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code(), ErrorCode::Io);
        // under a second, in ms (not "within 0 s")
        QVERIFY2(ran.error().text().contains(QLatin1String("did not finish within 100 ms")),
                 qPrintable(ran.error().text()));
        QVERIFY(processGone(run.pid()));
    }

    // A child that ignores SIGTERM gets SIGKILL after the grace period.
    void aChildIgnoringSigtermIsKilled()
    {
        ProcessRun run(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"),
                        QStringLiteral("trap '' TERM; echo ready; "
                                       "while :; do sleep 1; done")});
        run.setOwnProcessGroup(true);
        const Result<ProcessRun::Exit> ran = run.wait(200);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code(), ErrorCode::Io);
        QVERIFY(processGone(run.pid()));
    }

    // The cancel's signals reach the run's whole process group: a program the child started
    // ends with it (as the tool runuser starts does).
    void ownProcessGroupIsStoppedWhole()
    {
        const QByteArray marker = "60.4711" + QByteArray::number(::getpid());
        SessionCanceller canceller;
        std::atomic_bool cancelled{false};
        const bool root = ::geteuid() == 0;
        // as root through runuser, as SandboxTool runs the server programs; "; true": the shell
        // forks sleep instead of becoming it
        const QString script = QStringLiteral("sleep %1; true").arg(QLatin1String(marker));
        ProcessRun run(root ? QStringLiteral("runuser") : QStringLiteral("/bin/sh"),
                       root ? QStringList{QStringLiteral("-u"), QStringLiteral("nobody"),
                                          QStringLiteral("--"), QStringLiteral("/bin/sh"),
                                          QStringLiteral("-c"), script}
                            : QStringList{QStringLiteral("-c"), script});
        run.setOwnProcessGroup(true);
        run.setCanceller(&canceller, &cancelled);
        BackgroundRun waiting(run, -1);
        QTRY_VERIFY_WITH_TIMEOUT(anyProcessWith(marker), 10000);
        cancelled = true;
        canceller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(waiting.done(), 20000);
        QCOMPARE(waiting.result().error().code(), ErrorCode::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!anyProcessWith(marker), 10000);
    }

    // More output than a pipe holds, on both channels, and more input than it holds: nothing
    // waits on a full pipe, and every byte arrives.
    void chattyChildIsReadWhole()
    {
        const QByteArray zeros(1000000, '\0');
        ProcessRun run(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"),
                        QStringLiteral("head -c 1000000 /dev/zero | base64; "
                                       "head -c 1000000 /dev/zero | base64 "
                                       ">&2; echo end >&2")});
        const Result<ProcessRun::Exit> ran = run.wait(60000);
        QVERIFY2(ran, qPrintable(ran ? QString() : ran.error().text()));
        QVERIFY(ran->ok());
        QByteArray out = ran->output;
        QByteArray err = ran->errorOutput;
        QVERIFY(err.endsWith("end\n"));
        err.chop(4);
        QCOMPARE(out.replace('\n', QByteArray()), zeros.toBase64());
        QCOMPARE(err.replace('\n', QByteArray()), zeros.toBase64());
    }

    void inputLargerThanAPipeIsWrittenWhileReading()
    {
        QByteArray input;
        for (int i = 0; input.size() < 3000000; ++i)
            input += QByteArray::number(i) + '\n';
        ProcessRun run(QStringLiteral("/bin/cat"), {});
        run.setInput(input);
        const Result<ProcessRun::Exit> ran = run.wait(60000);
        QVERIFY(ran && ran->ok());
        QCOMPARE(ran->output.size(), input.size());
        QVERIFY(ran->output == input);
    }

    void mergedChannelsAndExitCode()
    {
        ProcessRun run(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 3")});
        run.setMergedChannels(true);
        const Result<ProcessRun::Exit> ran = run.wait(60000);
        QVERIFY(ran);
        QVERIFY(!ran->ok());
        QCOMPARE(ran->code, 3);
        QVERIFY(!ran->crashed);
        QCOMPARE(ran->output, QByteArray("out\nerr\n"));
        QVERIFY(ran->errorOutput.isEmpty());
    }

    void environmentAndWorkingDirectory()
    {
        ProcessRun run(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"), QStringLiteral("echo \"$ONLY\" \"$HOME\"; pwd")});
        run.setEnvironment({QStringLiteral("ONLY=this")});
        run.setWorkingDirectory(QStringLiteral("/"));
        const Result<ProcessRun::Exit> ran = run.wait(60000);
        QVERIFY(ran && ran->ok());
        QCOMPARE(ran->output, QByteArray("this \n/\n")); // no HOME
    }

    void aMissingProgramDoesNotStart()
    {
        ProcessRun run(QStringLiteral("/nonexistent/uaip-no-such-program"), {},
                       QStringLiteral("no-such"));
        const Status started = run.start();
        QVERIFY(!started);
        QCOMPARE(started.error().code(), ErrorCode::Io);
        QCOMPARE(started.error().arg(QStringLiteral("program")).toString(),
                 QStringLiteral("no-such"));
        QVERIFY(!started.error().arg(QStringLiteral("why")).toString().isEmpty());
        QCOMPARE(run.pid(), pid_t(0));
    }

    // A missing working folder is said as such, and named.
    void aMissingWorkingFolderIsNamed()
    {
        const QString missing = QStringLiteral("/nonexistent/uaip-no-such-folder");
        ProcessRun run(QStringLiteral("/bin/true"), {});
        run.setWorkingDirectory(missing);
        const Result<ProcessRun::Exit> ran = run.wait(60000);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code(), ErrorCode::Io);
        QCOMPARE(ran.error().arg(QStringLiteral("path")).toString(), missing);
        QVERIFY2(ran.error().text().contains(missing), qPrintable(ran.error().text()));
        QCOMPARE(run.pid(), pid_t(0));
    }

    // A cancel() without a flag that lands between two of the run's waits (the tick runs
    // between them, on the waiting thread, never inside one) is kept for the next wait: it is
    // never lost (SessionCanceller::beginWaits).
    void cancelBetweenWaitsWithoutAFlagIsKept()
    {
        SessionCanceller canceller;
        ProcessRun run(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        run.setCanceller(&canceller);
        int ticks = 0;
        run.setTick(10, [&] {
            if (++ticks == 1)
                canceller.cancel();
        });
        const Result<ProcessRun::Exit> ran = run.wait(30000);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code(), ErrorCode::Cancelled);
        QCOMPARE(ticks, 1);
        QVERIFY(processGone(run.pid()));
        // the run's end takes the mark back: a later wait is not cancelled by it
        int fds[2] = {-1, -1};
        QCOMPARE(::pipe2(fds, O_CLOEXEC), 0);
        pollfd readable{fds[0], POLLIN, 0};
        QCOMPARE(canceller.waitReady(std::span(&readable, 1), 0),
                 SessionCanceller::WaitEnd::TimedOut);
        ::close(fds[0]);
        ::close(fds[1]);
    }

    // The tick runs on the waiting thread while the child runs; a cancel it asks for (as a job
    // cancelled between two waits) ends the next wait.
    void tickRunsWhileWaiting()
    {
        SessionCanceller canceller;
        std::atomic_bool cancelled{false};
        int ticks = 0;
        ProcessRun run(QStringLiteral("/bin/sleep"), {QStringLiteral("60")});
        run.setCanceller(&canceller, &cancelled);
        run.setTick(10, [&] {
            if (++ticks == 3) {
                cancelled = true;
                canceller.cancel();
            }
        });
        const Result<ProcessRun::Exit> ran = run.wait(-1);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code(), ErrorCode::Cancelled);
        QCOMPARE(ticks, 3);
        QVERIFY(processGone(run.pid()));
    }

    // waitReady, the pause's twin: ready, timed out, cancelled.
    void waitReadyEndsEachWay()
    {
        SessionCanceller canceller;
        int fds[2] = {-1, -1};
        QCOMPARE(::pipe2(fds, O_CLOEXEC), 0);
        pollfd readable{fds[0], POLLIN, 0};
        QCOMPARE(canceller.waitReady(std::span(&readable, 1), 0),
                 SessionCanceller::WaitEnd::TimedOut);
        QCOMPARE(::write(fds[1], "x", 1), ssize_t(1));
        QCOMPARE(canceller.waitReady(std::span(&readable, 1), -1),
                 SessionCanceller::WaitEnd::Ready);
        QVERIFY(readable.revents & POLLIN);
        const std::atomic_bool cancelled{true};
        QCOMPARE(canceller.waitReady(std::span(&readable, 1), -1, &cancelled),
                 SessionCanceller::WaitEnd::Cancelled);
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

QTEST_GUILESS_MAIN(TestProcessRun)
#include "tst_processrun.moc"
