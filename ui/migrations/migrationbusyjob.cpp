#include "migrationbusyjob.h"

#include "jobs/jobmanager.h"
#include "jobs/jobprogressdialog.h"
#include "migrate/migrationrunjob.h"

#include <QWidget>

namespace uaip {

MigrationBusyJob::MigrationBusyJob(JobManager *jobs, QWidget *parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_parent(parent)
{ }

void MigrationBusyJob::start(Job *job, const std::optional<SessionSpec> &spec)
{
    m_job = job;
    m_isRun = qobject_cast<MigrationRunJob *>(job) != nullptr;
    emit started();
    if (m_showProgressDialog) {
        auto *dialog = new JobProgressDialog(job, m_parent);
        dialog->show();
    }
    m_jobs->start(job, spec);
}

void MigrationBusyJob::end()
{
    m_job.clear();
    emit ended();
}

void MigrationBusyJob::disown()
{
    if (m_job && !m_isRun)
        m_job->cancel();
    m_job.clear();
    m_isRun = false;
}

} // namespace uaip
