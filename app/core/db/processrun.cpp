#include "processrun.h"

#include "sessioncanceller.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ; // NOLINT: POSIX declares it nowhere

namespace uaip {

namespace {

// Bytes read from a pipe at once, and at most per look before the wait is checked again.
constexpr size_t kProcessReadChunk = 16384;
constexpr qsizetype kProcessReadPerLook = 1024 * 1024;
// After SIGKILL: how long its end is waited for (a process in uninterruptible sleep).
constexpr int kProcessKillWaitMs = 5000;
// Without a pidfd (a kernel before 5.3): how often its end is looked for.
constexpr int kProcessWithoutPidFdMs = 50;
// Of what a stopped child wrote, the end an error keeps (its "output").
constexpr qsizetype kProcessStoppedOutputTail = 64 * 1024;

void closeProcessFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

ProcessRun::ProcessRun(const QString &program, const QStringList &args, const QString &name)
    : m_program(program)
    , m_args(args)
    , m_name(name.isEmpty() ? program : name)
{ }

ProcessRun::~ProcessRun()
{
    if (m_pid.load() > 0 && !m_reaped)
        stop();
    closeAll();
}

void ProcessRun::setEnvironment(const QStringList &environment)
{
    m_environment = environment;
}

void ProcessRun::setTick(int ms, std::function<void()> tick)
{
    m_tickMs = std::max(ms, 1);
    m_tick = std::move(tick);
}

namespace {

// The child's signals as a program expects them (none blocked; what this process may ignore
// at its default again) and, with ownGroup, a process group of its own.
void initAttributes(posix_spawnattr_t &attributes, bool ownGroup)
{
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int sig : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (ownGroup) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(&attributes, 0);
    }
    posix_spawnattr_setflags(&attributes, flags);
}

} // namespace

Status ProcessRun::start()
{
    return m_pid.load() > 0 ? Status() : spawn();
}

Status ProcessRun::spawn()
{
    if (!m_workingDir.isEmpty() && !QFileInfo(m_workingDir).isDir()) {
        const QString why = tr("no folder %1 to run it in").arg(m_workingDir);
        return Error(ErrorCode::Io, tr("cannot run %1: %2").arg(m_name, why),
                     {{QStringLiteral("program"), m_name},
                      {QStringLiteral("why"), why},
                      {QStringLiteral("path"), m_workingDir}});
    }
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    int in[2] = {-1, -1};
    const bool piped = ::pipe2(out, O_CLOEXEC) == 0 && (m_merged || ::pipe2(err, O_CLOEXEC) == 0)
        && (m_input.isEmpty() || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) == 0);
    int error = piped ? 0 : errno;
    m_outFd = out[0];
    m_errFd = err[0];
    m_inFd = in[0];
    pid_t pid = 0;
    if (piped) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        if (in[1] >= 0)
            posix_spawn_file_actions_adddup2(&actions, in[1], STDIN_FILENO);
        else
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, m_merged ? out[1] : err[1], STDERR_FILENO);
        const QByteArray dir = QFile::encodeName(m_workingDir);
        if (!dir.isEmpty())
            posix_spawn_file_actions_addchdir_np(&actions, dir.constData());
        posix_spawnattr_t attributes;
        initAttributes(attributes, m_ownGroup);
        std::vector<QByteArray> argBytes{QFile::encodeName(m_program)};
        for (const QString &arg : std::as_const(m_args))
            argBytes.push_back(arg.toLocal8Bit());
        std::vector<QByteArray> envBytes;
        if (m_environment)
            for (const QString &entry : std::as_const(*m_environment))
                envBytes.push_back(entry.toLocal8Bit());
        std::vector<char *> argv;
        std::vector<char *> envp;
        for (QByteArray &a : argBytes)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (QByteArray &e : envBytes)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        error = ::posix_spawnp(&pid, argBytes.front().constData(), &actions, &attributes,
                               argv.data(), m_environment ? envp.data() : environ);
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&actions);
    }
    for (int fd : {out[1], err[1], in[1]})
        closeProcessFd(fd);
    if (error != 0) {
        closeAll();
        const QString why = QString::fromLocal8Bit(std::strerror(error));
        return Error(ErrorCode::Io, tr("cannot run %1: %2").arg(m_name, why),
                     {{QStringLiteral("program"), m_name}, {QStringLiteral("why"), why}});
    }
    m_pid = pid;
    // The system call: glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage. -1
    // before Linux 5.3: its end is then looked for.
    m_pidFd = int(::syscall(SYS_pidfd_open, pid, 0));
    for (const int fd : {m_outFd, m_errFd, m_inFd})
        if (fd >= 0)
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return {};
}

Result<ProcessRun::Exit> ProcessRun::wait(int timeoutMs)
{
    if (m_pid.load() <= 0 && m_cancelled && m_cancelled->load()) // cancelled before it ran
        return Error(ErrorCode::Cancelled, tr("%1 was cancelled").arg(m_name), stoppedArgs());
    if (const Status started = start(); !started)
        return started.error();
    std::unique_ptr<SessionCanceller> own;
    SessionCanceller *canceller = m_canceller;
    if (!canceller) {
        own = std::make_unique<SessionCanceller>();
        canceller = own.get();
    }
    // One run of waits: a cancel() between two of them (while the output is read) is kept.
    canceller->beginWaits();
    const std::unique_ptr<SessionCanceller, void (*)(SessionCanceller *)> waits(
        canceller, [](SessionCanceller *c) { c->endWaits(); });
    const QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                : QDeadlineTimer(timeoutMs));
    QDeadlineTimer nextTick(m_tick ? QDeadlineTimer(m_tickMs)
                                   : QDeadlineTimer(QDeadlineTimer::Forever));
    while (!reap()) {
        pollfd fds[4];
        size_t count = 0;
        for (const int fd : {m_pidFd, m_outFd, m_errFd})
            if (fd >= 0)
                fds[count++] = {fd, POLLIN, 0};
        if (m_inFd >= 0)
            fds[count++] = {m_inFd, POLLOUT, 0};
        QDeadlineTimer until = std::min(deadline, nextTick);
        if (m_pidFd < 0)
            until = std::min(until, QDeadlineTimer(kProcessWithoutPidFdMs));
        const qint64 ms = until.isForever() ? -1 : until.remainingTime();
        const SessionCanceller::WaitEnd end = canceller->waitReady(
            std::span(fds, count), int(std::min<qint64>(ms, INT_MAX)), m_cancelled);
        if (end == SessionCanceller::WaitEnd::Cancelled) {
            stop();
            return Error(ErrorCode::Cancelled, tr("%1 was cancelled").arg(m_name), stoppedArgs());
        }
        service(false);
        if (reap())
            break;
        if (deadline.hasExpired()) {
            stop();
            return Error(ErrorCode::Io, timedOutText(timeoutMs), stoppedArgs());
        }
        if (nextTick.hasExpired()) {
            m_tick();
            nextTick = QDeadlineTimer(m_tickMs);
        }
    }
    service(true);
    const Exit exited = ended();
    closeAll();
    return exited;
}

void ProcessRun::service(bool toEnd)
{
    readInto(m_outFd, m_output, toEnd);
    readInto(m_errFd, m_errorOutput, toEnd);
    if (toEnd)
        closeProcessFd(m_inFd);
    else
        writeInput();
}

void ProcessRun::readInto(int &fd, QByteArray &into, bool toEnd)
{
    // toEnd: after the child's end, what it left (a program it started that keeps the pipe
    // open is not waited for); bounded either way
    char buffer[kProcessReadChunk];
    qsizetype looked = 0;
    while (fd >= 0 && looked < (toEnd ? kOutputLimit : kProcessReadPerLook)) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            looked += n;
            into.append(buffer, std::min<qsizetype>(n, kOutputLimit - into.size()));
        } else if (n == 0 || (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)) {
            closeProcessFd(fd);
        } else if (errno != EINTR) {
            return;
        }
    }
}

void ProcessRun::writeInput()
{
    while (m_inFd >= 0 && m_written < m_input.size()) {
        const ssize_t n = ::send(m_inFd, m_input.constData() + m_written,
                                 size_t(m_input.size() - m_written), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            m_written += n;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        else if (n < 0 && errno == EINTR)
            continue;
        else
            closeProcessFd(m_inFd); // it stopped reading: the rest is not for it
    }
    if (m_written >= m_input.size())
        closeProcessFd(m_inFd); // all of it: its end of input
}

bool ProcessRun::reap()
{
    if (m_reaped)
        return true;
    const pid_t pid = m_pid.load();
    int status = 0;
    pid_t reaped = -1;
    do
        reaped = ::waitpid(pid, &status, WNOHANG);
    while (reaped < 0 && errno == EINTR);
    if (reaped == 0)
        return false;
    m_reaped = true;
    m_status = reaped == pid ? status : -1; // -1: reaped elsewhere, how it ended unknown
    closeProcessFd(m_pidFd);
    return true;
}

bool ProcessRun::waitExited(int ms)
{
    const pid_t pid = m_pid.load();
    const QDeadlineTimer until(ms);
    for (;;) {
        siginfo_t info{};
        // WNOWAIT: not reaped yet, so its process group's id stays its own
        if (::waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid)
            return true;
        if (until.hasExpired())
            return false;
        pollfd fds[3];
        nfds_t count = 0;
        for (const int fd : {m_pidFd, m_outFd, m_errFd})
            if (fd >= 0)
                fds[count++] = {fd, POLLIN, 0};
        const qint64 left = until.remainingTime();
        ::poll(fds, count,
               int(m_pidFd < 0 ? std::min<qint64>(left, kProcessWithoutPidFdMs) : left));
        service(false); // a child that writes as it ends is not stopped by a full pipe
    }
}

void ProcessRun::stop()
{
    closeProcessFd(m_inFd);
    if (reap())
        return;
    signal(SIGTERM);
    if (!waitExited(kGraceMs)) {
        signal(SIGKILL);
        waitExited(kProcessKillWaitMs);
    }
    if (m_ownGroup)
        signal(SIGKILL); // what of its group is left; the group is its until it is reaped
    reap();
}

QString ProcessRun::timedOutText(int timeoutMs) const
{
    if (timeoutMs < 1000)
        return tr("%1 did not finish within %2 ms").arg(m_name).arg(timeoutMs);
    return tr("%1 did not finish within %2 s").arg(m_name).arg((timeoutMs + 999) / 1000);
}

QVariantMap ProcessRun::stoppedArgs() const
{
    QByteArray output = m_output + m_errorOutput;
    QString cut;
    if (output.size() > kProcessStoppedOutputTail) {
        output = output.right(kProcessStoppedOutputTail);
        cut = QStringLiteral("…");
    }
    return {{QStringLiteral("program"), m_name},
            {QStringLiteral("output"), (cut + QString::fromLocal8Bit(output)).trimmed()}};
}

void ProcessRun::signal(int sig) const
{
    const pid_t pid = m_pid.load();
    if (pid > 0 && !m_reaped)
        ::kill(m_ownGroup ? -pid : pid, sig);
}

ProcessRun::Exit ProcessRun::ended() const
{
    Exit e;
    e.crashed = !WIFEXITED(m_status);
    e.code = e.crashed ? -1 : WEXITSTATUS(m_status);
    e.output = m_output;
    e.errorOutput = m_errorOutput;
    return e;
}

void ProcessRun::closeAll()
{
    for (int *fd : {&m_pidFd, &m_outFd, &m_errFd, &m_inFd})
        closeProcessFd(*fd);
}

} // namespace uaip
