#pragma once

#include "db/sessionspec.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace uaip {

class Job;
class SessionWorker;
class SqlRunner;

// The session of one SQL console tab and the one job that runs on it at a time. A tab runs on a
// SessionWorker of its own (a session per tab: its transaction, cursors and statement timeout
// are the tab's), never on the GUI thread; the SqlRunner keeps what a run left on it (its
// cursors). A new target bumps the generation: what a job of the earlier target reports late is
// dropped.
class SqlTabSession : public QObject
{
    Q_OBJECT
public:
    explicit SqlTabSession(QObject *parent = nullptr);
    ~SqlTabSession() override;

    // Drops the worker of the earlier target and, with a spec, starts one for it.
    void setTarget(const std::optional<SessionSpec> &spec);
    const std::optional<SessionSpec> &spec() const { return m_spec; }
    const std::shared_ptr<SqlRunner> &runner() const { return m_runner; }
    bool isBusy() const { return m_busy; }
    // A job may start: there is a worker and no job runs.
    bool isReady() const { return m_worker && !m_busy; }
    int generation() const { return m_generation; }

    // Runs job on the worker. When it finishes for the current target the session is free
    // again, then done runs (with the job's success).
    void post(Job *job, std::function<void(bool ok)> done);
    // Cancel reaches the server at once.
    void cancel();
    // Runs job on a second session of the same target (SqlTransactionMonitor's watch: never on
    // the tab's own session, whose transaction it reads), started at the first watch; false
    // (job deleted) when there is no target.
    bool postWatch(Job *job);

signals:
    void jobStarted(uaip::Job *job);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    std::optional<SessionSpec> m_spec;
    SessionWorker *m_worker = nullptr;
    SessionWorker *m_watchWorker = nullptr;
    std::shared_ptr<SqlRunner> m_runner;
    Job *m_running = nullptr;
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace uaip
