#pragma once

#include "db/sessionspec.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace uaip {

class Job;
class JobManager;

// The one job the Migrations view waits for (a rollback preview, an apply or rollback, a
// backup, a generated migration, a check): while it runs the view's actions are off and a
// progress dialog shows it (unless turned off, for tests). Another target cancels it, unless it
// applies or rolls back: that goes on to its end (the job dock shows it), since cancelling it
// half-way helps no one.
class MigrationBusyJob : public QObject
{
    Q_OBJECT
public:
    // The progress dialogs are parent's.
    MigrationBusyJob(JobManager *jobs, QWidget *parent);

    void setShowProgressDialog(bool show) { m_showProgressDialog = show; }
    bool isBusy() const { return !m_job.isNull(); }
    Job *job() const { return m_job.data(); }

    // Waits for job (started()), shows it and starts it on a one-shot worker of spec.
    void start(Job *job, const std::optional<SessionSpec> &spec);
    // The job is over (ended()).
    void end();
    // The target changed: the job is forgotten, and cancelled unless it applies or rolls back.
    void disown();

signals:
    void started();
    void ended();

private:
    JobManager *m_jobs;
    QWidget *m_parent;
    QPointer<Job> m_job;
    bool m_isRun = false; // m_job applies or rolls back (it is not cancelled by a switch)
    bool m_showProgressDialog = true;
};

} // namespace uaip
