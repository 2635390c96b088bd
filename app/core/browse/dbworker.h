#pragma once

#include "db/pgconnection.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace uaip {

// A worker thread that owns one libpq connection and runs tasks on it, one after another.
// The connection is opened lazily and reopened before the next task once it is lost, so a
// retry after a reconnect needs nothing special. Results go back to the GUI thread with
// queued calls (QMetaObject::invokeMethod on a receiver); the GUI never waits here.
// cancel() may be called from any thread: it asks the server to cancel the running command.
class DbWorker : public QObject
{
    Q_OBJECT
public:
    using Task = std::function<void(PgConnection &)>;

    explicit DbWorker(const QString &conninfo, const QString &applicationName,
                      QObject *parent = nullptr);
    ~DbWorker() override;

    // Runs task on the worker thread; the connection is open unless opening failed (then
    // !connection.isOpen() and connection.connectionError() says why).
    void post(Task task);
    void cancel();
    // The backend of the worker's connection (0 until connected); for tests and diagnostics.
    int backendPid() const { return m_backendPid.load(); }
    // Runs fn on the receiver's thread (queued) unless the receiver is gone by then.
    template<typename Fn>
    static void reply(QObject *receiver, Fn fn)
    {
        QMetaObject::invokeMethod(receiver, std::move(fn), Qt::QueuedConnection);
    }

private:
    void run(const Task &task);

    QString m_conninfo;
    QString m_applicationName;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    PgConnection m_connection; // used on m_thread only (cancel() is thread-safe)
    std::atomic<int> m_backendPid{0};
};

} // namespace uaip
