#pragma once

#include "db/sessionspec.h"
#include "error/result.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace uaip {

class Job;
class Session;

// The thread side of a SessionWorker: lives on the worker thread, owns the Session (created,
// used and closed on that thread), runs the posted jobs one after another. Outlives the
// SessionWorker handle when that is retired while a job still runs; deletes itself when its
// thread ends.
class WorkerHost : public QObject
{
    Q_OBJECT
public:
    explicit WorkerHost(std::optional<SessionSpec> spec);
    ~WorkerHost() override;

    // On the worker thread.
    void run(Job *job);
    Result<Session *> session();
    // Any thread.
    void retire() { m_retired = true; }
    bool isRetired() const { return m_retired.load(); }
    int backendPid() const { return m_backendPid.load(); }
    QString connectionName() const;
    // On the worker thread, when it ends.
    void closeSession();

private:
    std::optional<SessionSpec> m_spec;
    std::unique_ptr<Session> m_session;
    std::atomic_bool m_retired{false};
    std::atomic<int> m_backendPid{0};
    mutable QMutex m_nameMutex;
    QString m_connectionName;
};

} // namespace uaip
