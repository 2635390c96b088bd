#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QThread;

namespace uaip {

class DbJob;

// Runs each DbJob on a QThread of its own and deletes both when the job has finished.
// Destroying the manager cancels what still runs and waits for it.
class JobManager : public QObject
{
    Q_OBJECT
public:
    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    // Takes ownership. Connect to the job's signals before calling start().
    DbJob *start(DbJob *job);
    QList<DbJob *> running() const;
    void cancelAll();

signals:
    void jobStarted(uaip::DbJob *job);
    void jobFinished(uaip::DbJob *job, bool ok, const QString &summary);

private:
    struct Entry
    {
        QPointer<DbJob> job;
        QThread *thread = nullptr;
    };
    QList<Entry> m_entries;
};

} // namespace uaip
