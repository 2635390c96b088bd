#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace uaip {

class JobContext;
class SessionCanceller;

// One unit of background work — the project's only async model. A job runs on a
// SessionWorker (a thread that owns one Session) and reports through signals, which reach
// receivers on the GUI thread queued. The Job object itself lives on the thread that made it.
//
// cancel() may be called from any thread and never blocks: it sets the flag, asks the server
// to cancel the running command through the session's SessionCanceller (which wakes the
// session's thread waiting on the server, and outlives the connection), and runs the job's own
// cancel actions registered with JobContext::onCancel for the time they are valid.
//
// After finished() the worker deletes the job (deleteLater on the job's thread): read what a
// finished slot needs before opening a nested event loop.
class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(const QString &title, QObject *parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    // Valid once finished() was emitted: whether execute() returned a summary, and the summary
    // (for a failure, the error in words: failureSummary()).
    bool succeeded() const { return m_ok; }
    QString summary() const { return m_summary; }
    // The error a failed job ended with: the one execute() returned, or Cancelled for a job
    // cancelled before it ran. No error for a job that succeeded.
    Error error() const { return m_error; }
    bool isCancelled() const { return m_cancelled.load(); }
    bool isFinished() const { return m_finished.load(); }

    // Thread-safe, never blocks.
    void cancel();

    // Runs fn on the GUI (application) thread, queued. fn captures a QPointer to its receiver
    // and checks it there: the worker thread never dereferences the receiver (a view may be
    // half destroyed on the GUI thread at that moment), so the receiver argument only names
    // who the answer is for.
    template<typename Receiver, typename Fn>
    static void reply(const Receiver &, Fn fn)
    {
        QMetaObject::invokeMethod(QCoreApplication::instance(), std::move(fn),
                                  Qt::QueuedConnection);
    }

signals:
    void started();
    void progress(int done, int total, const QString &text); // total 0: unknown
    void logLine(const QString &text);
    void finished(bool ok, const QString &summary);

protected:
    // The work itself, on the worker thread: the one-line summary of what it did, or the error
    // why it failed (Cancelled where a cancel stopped it, the server's where the server spoke).
    virtual Result<QString> execute(JobContext &context) = 0;
    // The summary of a failure, on the worker thread after execute(): the error's toString(),
    // unless a job words its failures otherwise (a result of its own that says more).
    virtual QString failureSummary(const Error &error) const;
    // Work that must not hold the answer up, on the worker thread after finished() was emitted
    // (the receivers have the result; the worker stays busy until this returns): dropping a
    // scratch database, whose DROP DATABASE waits for a checkpoint. Nothing to do by default.
    virtual void afterFinished(JobContext &context);

private:
    friend class WorkerHost;
    friend class JobContext;
    // Called by the worker on its thread.
    void runOn(JobContext &context);
    // Finishes a job that never ran: cancelled.
    void finishUnrun();
    void setSessionCanceller(std::shared_ptr<SessionCanceller> canceller);
    int addCancelAction(std::function<void()> action);
    void removeCancelAction(int id);

    QString m_title;
    std::atomic_bool m_cancelled{false};
    std::atomic_bool m_finished{false};
    QMutex m_mutex; // guards the two below
    std::shared_ptr<SessionCanceller> m_sessionCanceller;
    std::map<int, std::function<void()>> m_cancelActions;
    int m_nextActionId = 0;
    bool m_ok = false;
    QString m_summary;
    Error m_error;
};

} // namespace uaip
