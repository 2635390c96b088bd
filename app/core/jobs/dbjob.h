#pragma once

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

namespace uaip {

class PgConnection;

// One piece of database work for a worker thread (see JobManager). It runs once, opens its
// own connection, reports through signals (queued to the GUI thread) and can be cancelled from
// any thread: cancel() sets a flag and calls the hook the running job registered (PQcancel).
class DbJob : public QObject
{
    Q_OBJECT
public:
    explicit DbJob(const QString &title, QObject *parent = nullptr);
    ~DbJob() override;

    QString title() const { return m_title; }
    // Valid once finished() was emitted.
    bool succeeded() const { return m_ok; }
    QString summary() const { return m_summary; }
    bool isCancelled() const { return m_cancelled.load(); }

    // Thread-safe.
    void cancel();

    static QString applicationName() { return QStringLiteral("uaip-admin"); }

public slots:
    // Runs execute() on the calling (worker) thread, then emits finished().
    void run();

signals:
    void progress(int done, int total, const QString &text); // total 0: unknown
    void logLine(const QString &text);
    void finished(bool ok, const QString &summary);

protected:
    // The work itself, on the worker thread. Returns success and a one-line summary.
    virtual bool execute(QString *summary) = 0;
    // Opens c and makes cancel() send PQcancel on it while the job runs.
    bool openConnection(PgConnection &c, const QString &conninfo, QString *error);
    void setCancelHook(std::function<void()> hook);

private:
    QString m_title;
    std::atomic_bool m_cancelled{false};
    QMutex m_mutex;
    std::function<void()> m_cancelHook;
    bool m_ok = false;
    QString m_summary;
};

} // namespace uaip
