#include "backupgate.h"

#include "confirmer.h"
#include "db/connectionprofile.h"
#include "db/sessionspec.h"
#include "jobs/backupjob.h"
#include "jobs/job.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>

namespace uaip {

BackupGate::BackupGate(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
    , m_check(new QCheckBox(tr("Back up first"), parent))
{
    m_check->setToolTip(tr("Before applying to this production database, save it with pg_dump "
                           "(custom format) to a file you choose"));
}

void BackupGate::setToolBarAction(QAction *action)
{
    m_action = action;
    m_action->setVisible(m_production);
}

void BackupGate::setProfile(const ConnectionProfile &profile)
{
    m_production = profile.production;
    if (m_action)
        m_action->setVisible(m_production);
    m_check->setChecked(m_production);
}

void BackupGate::disown()
{
    if (m_job)
        m_job->cancel();
    m_job.clear();
}

bool BackupGate::wanted() const
{
    return m_production && m_check->isChecked();
}

bool BackupGate::run(Confirmer *confirmer, const SessionSpec &spec, const QString &database,
                     std::function<void()> apply)
{
    const QString suggested = QDir::home().filePath(
        QStringLiteral("%1-%2.dump")
            .arg(database,
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    const QString file = confirmer->chooseBackupFile(m_parent, suggested);
    if (file.isEmpty()) {
        emit failed(tr("No backup file chosen; nothing was applied."), false);
        return false;
    }
    auto *job = new BackupJob(spec, file);
    m_job = job;
    connect(job, &Job::finished, this, [this, job, apply](bool ok, const QString &summary) {
        if (job != m_job)
            return; // disowned
        m_job.clear();
        if (ok)
            apply();
        else if (job->isCancelled())
            emit failed(tr("Backup cancelled; nothing was applied."), false);
        else
            emit failed(summary, true);
    });
    emit started(job);
    return true;
}

} // namespace uaip
