#pragma once

#include "db/sessionspec.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QThread;

namespace uaip {

class Job;
class WorkerHost;

// A worker thread that owns one Session and runs Jobs on it, one after another (the project's
// one async model; see Job). The session is opened on first use and reopened after a loss. A
// worker made without a spec has no database (for jobs such as the sandbox's).
//
// Nothing here waits: retire() (also the destructor) cancels what runs, drops what is queued
// and lets the thread end on its own; its results go nowhere. A stopped or unreachable server
// therefore never freezes the GUI — the running command ends at the latest after the spec's
// cancel grace period (see SessionCanceller).
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    SessionWorker(std::optional<SessionSpec> spec, const QString &name, QObject *parent = nullptr);
    ~SessionWorker() override;

    // Takes ownership of job and runs it after the jobs posted before it. A retired worker
    // finishes it at once as cancelled.
    void post(Job *job);
    // Cancels the running job and every queued one. Never blocks.
    void cancelAll();
    void retire();
    bool isRetired() const;

    const std::optional<SessionSpec> &spec() const { return m_spec; }
    // The backend of the session (0 until connected) and its QSqlDatabase name; for tests and
    // diagnostics.
    int backendPid() const;
    QString connectionName() const;

    // For application exit: waits at most timeoutMs in total for every worker thread that
    // still runs (retired ones included). Returns false when some did not end in time.
    static bool waitForAll(int timeoutMs);

private:
    std::optional<SessionSpec> m_spec;
    QThread *m_thread;
    WorkerHost *m_host; // lives on m_thread; deleted when it ends
    bool m_retired = false;
    QList<QPointer<Job>> m_jobs; // posted and not yet deleted
};

} // namespace uaip
