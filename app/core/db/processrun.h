#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <atomic>
#include <functional>
#include <optional>
#include <sys/types.h>

namespace uaip {

class SessionCanceller;

// Runs a program and waits for it on the calling thread, in the one cancellable wait of the
// async model: SessionCanceller::waitReady on the child's pidfd (pidfd_open) and its output
// pipes, so the caller's cancel() ends the wait at once, as it ends a pause. The output is read
// as it comes (never a full pipe that stops the child), each channel kept up to kOutputLimit;
// the input is written as the child reads it. On a cancel or the timeout the child gets SIGTERM
// (its whole process group with ownProcessGroup), SIGKILL after kGraceMs, and is reaped.
// posix_spawn: no fork of a threaded process, no event loop, any thread.
class ProcessRun
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ProcessRun)

public:
    static constexpr qsizetype kOutputLimit = 16 * 1024 * 1024; // per channel: the rest dropped
    static constexpr int kGraceMs = 2000;

    struct Exit
    {
        int code = -1; // its exit status; -1 when a signal ended it
        bool crashed = false; // a signal ended it
        QByteArray output; // standard output (and error, merged)
        QByteArray errorOutput; // standard error, unless merged
        bool ok() const { return !crashed && code == 0; }
    };

    // name: the program as errors say it (default: program).
    ProcessRun(const QString &program, const QStringList &args, const QString &name = QString());
    ~ProcessRun();
    ProcessRun(const ProcessRun &) = delete;
    ProcessRun &operator=(const ProcessRun &) = delete;

    void setWorkingDirectory(const QString &dir) { m_workingDir = dir; }
    // "NAME=value" entries; default: this process's environment.
    void setEnvironment(const QStringList &environment);
    // Written to its standard input, which is then closed (default: /dev/null).
    void setInput(const QByteArray &input) { m_input = input; }
    // Standard error into the standard output, as one stream.
    void setMergedChannels(bool merged) { m_merged = merged; }
    // Started in a process group of its own, which the cancel's signals reach whole (a runuser
    // and the program it runs).
    void setOwnProcessGroup(bool own) { m_ownGroup = own; }
    // The wait's canceller and flag (SessionCanceller::waitReady); none: a canceller of the
    // run's own, which nothing cancels. A cancel() from the wait's start to its end stops the
    // child, with or without the flag (SessionCanceller::beginWaits: one run of waits).
    void setCanceller(SessionCanceller *canceller, const std::atomic_bool *cancelled = nullptr)
    {
        m_canceller = canceller;
        m_cancelled = cancelled;
    }
    // Called on the waiting thread every ms while the child runs (a progress report).
    void setTick(int ms, std::function<void()> tick);

    // Starts it (once; again: nothing); Io "cannot run %1: %2" (args "program", "why"; "path"
    // when the working folder is missing) when it cannot.
    Status start();
    // Waits for the child (started first when it was not) at most timeoutMs (negative: no
    // limit): how it exited, or Cancelled / Io (timeout) with args "program" and "output" once
    // it was stopped and reaped.
    Result<Exit> wait(int timeoutMs);
    // The child's process id once started (any thread), kept after it ended; 0 before.
    pid_t pid() const { return m_pid.load(); }

private:
    Status spawn();
    void closeAll();
    // Reads what the pipes hold and writes what the input pipe takes, without blocking.
    void service(bool toEnd);
    void readInto(int &fd, QByteArray &into, bool toEnd);
    void writeInput();
    // Whether it ended, reaped now or before (never blocks).
    bool reap();
    // SIGTERM, SIGKILL after the grace period; reaped.
    void stop();
    bool waitExited(int ms);
    void signal(int sig) const;
    Exit ended() const;
    // A stopped child's error's args: "program", and "output" (the end of what it wrote, the
    // last 64 KiB after "…", trimmed).
    QVariantMap stoppedArgs() const;
    // "NAME did not finish within N s" (N rounded up; under a second: in ms).
    QString timedOutText(int timeoutMs) const;

    QString m_program;
    QStringList m_args;
    QString m_name;
    QString m_workingDir;
    std::optional<QStringList> m_environment;
    QByteArray m_input;
    qsizetype m_written = 0;
    bool m_merged = false;
    bool m_ownGroup = false;
    SessionCanceller *m_canceller = nullptr;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_tickMs = 0;
    std::function<void()> m_tick;
    std::atomic<pid_t> m_pid{0};
    bool m_reaped = false;
    int m_status = 0;
    int m_pidFd = -1;
    int m_inFd = -1;
    int m_outFd = -1;
    int m_errFd = -1;
    QByteArray m_output;
    QByteArray m_errorOutput;
};

} // namespace uaip
