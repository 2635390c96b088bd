// uaip-test: no database
// The GUI's sandbox job passes its cancel down to the server programs it runs (initdb, pg_ctl
// in ProcessRun's cancellable wait): cancelled while initdb runs, the job ends Cancelled and
// initdb (as root: runuser and the initdb it started) is stopped. initdb is held mid-run for
// certain: stopped (SIGSTOP), which only SIGKILL ends, after the grace period. The half-made
// cluster it leaves is trusted by nothing: the sandbox counts as not created, and the next start
// removes it, makes a new one and runs it.
#include "db/sandbox.h"
#include "db/sandboxsetup.h"
#include "jobend.h"
#include "jobs/sandboxjob.h"
#include "jobs/sessionworker.h"
#include "sandboxtestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTest>

#include <csignal>

using namespace uaip;
using namespace uaip::test;

namespace {

// The id of a live process whose arguments begin with these and hold alsoHas (0: none): not a
// runuser that runs it. A zombie's are empty. alsoHas names this test's own folder, so another
// test's pg_ctl (the suite runs two at a time) is never the one held.
pid_t processWith(const QByteArray &arguments, const QByteArray &alsoHas = {})
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly)) {
            const QByteArray read = cmdline.readAll();
            if (read.startsWith(arguments) && read.contains(alsoHas))
                return pid_t(pid.toInt());
        }
    }
    return 0;
}

// Sends SIGCONT to a process stopped with SIGSTOP when it goes out of scope.
struct Resume
{
    pid_t pid;
    ~Resume() { ::kill(pid, SIGCONT); }
};

} // namespace

class TestSandboxJobCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelDuringInitdbEndsTheJobAndInitdb()
    {
        const QString base = makeTempDir(QStringLiteral("uaip-jobcancel"));
        const QString root = base + QStringLiteral("/sandbox");
        SessionWorker worker(std::nullopt, QStringLiteral("sandbox"));
        auto *job = new SandboxJob(SandboxJob::Action::Start, root);
        const auto end = watchEnd(job);
        QPointer<Job> running = job;
        worker.post(job);
        const QByteArray nul(1, '\0');
        const QByteArray initdb = QFile::encodeName(Sandbox::serverBinDir()) + "/initdb" + nul
            + "-D" + nul + QFile::encodeName(root) + "/data";
        QTRY_VERIFY_WITH_TIMEOUT(end->finished || processWith(initdb) > 0, 60000);
        const pid_t pid = processWith(initdb);
        QVERIFY2(pid > 0, qPrintable(end->summary));
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        {
            const Resume resume{pid};
            QVERIFY(running && !end->finished);
            running->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(end->finished, 30000);
        }
        QCOMPARE(end->times, 1);
        QVERIFY(!end->ok);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(processWith(initdb), pid_t(0), 10000);

        Sandbox sandbox(root);
        QVERIFY(!sandbox.isInitialised());
        QVERIFY(!sandbox.isRunning());
        const Status started = sandbox.start(Sandbox::Options{false, false});
        QVERIFY2(started, qPrintable(started.error().toString()));
        QVERIFY(sandbox.isInitialised());
        QVERIFY(!QFileInfo::exists(root + u'/' + SandboxSetup::initMarkerName()));
        QVERIFY(sandbox.isRunning());
        QVERIFY(sandbox.stop());
        QVERIFY(QDir(base).removeRecursively());
    }

    // pg_ctl starts the server in a session of its own, which the cancel's signals do not
    // reach: a cancelled start stops it, so that Cancelled means nothing is left running. pg_ctl
    // is held (SIGSTOP) once seen; the server it may have launched by then starts meanwhile.
    void cancelDuringPgCtlStartLeavesNoServer()
    {
        const QString base = makeTempDir(QStringLiteral("uaip-jobcancel"));
        const QString root = base + QStringLiteral("/sandbox");
        SessionWorker worker(std::nullopt, QStringLiteral("sandbox"));
        auto *job = new SandboxJob(SandboxJob::Action::Start, root);
        const auto end = watchEnd(job);
        QPointer<Job> running = job;
        worker.post(job);
        const QByteArray nul(1, '\0');
        const QByteArray pgCtl
            = QFile::encodeName(Sandbox::serverBinDir()) + "/pg_ctl" + nul + "start" + nul;
        const QByteArray own = "-D" + nul + QFile::encodeName(root) + "/data" + nul;
        // held as soon as seen: pg_ctl may end between one look and the next (a start that
        // found the server up), so the one seen is stopped at once and checked again, stopped
        pid_t pid = 0;
        const auto held = [&] {
            pid = processWith(pgCtl, own);
            if (pid <= 0 || ::kill(pid, SIGSTOP) != 0)
                return false;
            if (processWith(pgCtl, own) == pid)
                return true;
            ::kill(pid, SIGCONT); // ended (or another process took its id) meanwhile
            pid = 0;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(end->finished || held(), 120000);
        QVERIFY2(pid > 0, qPrintable(end->summary));
        {
            const Resume resume{pid};
            QVERIFY(running && !end->finished);
            running->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(end->finished, 90000);
        }
        QCOMPARE(end->times, 1);
        QVERIFY(!end->ok);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
        QVERIFY(!end->error.arg(QStringLiteral("may_be_running")).toBool());
        QVERIFY(!QFileInfo::exists(root + QStringLiteral("/data/postmaster.pid")));
        QVERIFY(!Sandbox(root).isRunning());
        QVERIFY(QDir(base).removeRecursively());
    }
};

QTEST_GUILESS_MAIN(TestSandboxJobCancel)
#include "tst_sandboxjobcancel.moc"
