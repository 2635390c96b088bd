#include "migrationstatusreader.h"

#include "connections/connectiontester.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "jobs/jobmanager.h"
#include "jobs/sessionworker.h"
#include "migrate/migrationstatusjob.h"
#include "migrationbanner.h"
#include "migrationdetailpane.h"
#include "migrationsviewlayout.h"
#include "migrationtablemodel.h"
#include "migrationtableview.h"

#include <QTableView>

namespace uaip {

MigrationStatusReader::MigrationStatusReader(JobManager *jobs, MigrationsViewLayout &ui,
                                             QObject *parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_ui(ui)
{ }

MigrationStatusReader::~MigrationStatusReader() = default;

void MigrationStatusReader::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_generation;
    m_job.clear();
    m_worker.reset(); // retires: cancels a status read, never waits
    m_identity = {};
    m_ok = false;
    m_standby = false;
    m_serverRole.clear();
    m_events.clear();
    // No session before the password is known: an incomplete spec is "not connected".
    if (spec && spec->isComplete())
        m_worker = std::make_unique<SessionWorker>(spec->withPurpose(QStringLiteral("migrations")),
                                                   QStringLiteral("migrations"));
}

bool MigrationStatusReader::start(const QList<Migration> &migrations)
{
    if (!m_worker)
        return false;
    if (m_job)
        m_job->cancel();
    auto *job = new MigrationStatusJob(migrations);
    m_job = job;
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation == m_generation && job == m_job)
            onFinished(job, ok, summary); // else a newer read (or another target) is on its way
    });
    m_jobs->start(job, m_worker.get());
    return true;
}

void MigrationStatusReader::onFinished(MigrationStatusJob *job, bool ok, const QString &summary)
{
    if (!ok && job->isCancelled()) {
        m_ui.banner->showMessage(
            tr("Refresh cancelled; the list may be out of date (F5 reads it again)."), false);
        emit cancelled();
        return;
    }
    if (!ok) {
        const QString text = job->connectionFailed()
            ? ConnectionTester::diagnose(job->error().toString()).toString()
            : summary;
        m_ok = false;
        m_ui.banner->showMessage(tr("Cannot read the migration status: %1").arg(text), true);
        emit failed(!job->connectionFailed(), job->connectionFailed() ? text : QString());
        return;
    }
    m_ok = true;
    m_identity = job->identity();
    m_standby = job->topology().inRecovery;
    m_serverRole = job->topology().role();
    emit roleRead(m_serverRole, m_standby);
    show(*job);
    emit sessionInfo(job->serverVersion(), job->topology().serverVersion, job->database(),
                     job->user(), job->latencyMs());
    emit answered();
}

void MigrationStatusReader::show(const MigrationStatusJob &job)
{
    const auto before = m_ui.table->selectedVersion();
    m_events = job.events();
    m_ui.model->setStatuses(job.statuses());
    m_ui.history->setEvents(m_events);
    m_ui.table->resizeColumnsToContents();
    m_ui.historyView->resizeColumnsToContents();
    if (!before || !m_ui.table->selectVersion(*before))
        m_ui.details->showMigration(nullptr, {});
    m_ledgerExists = job.ledgerExists();
    showLedgerNote();
}

void MigrationStatusReader::showLedgerNote()
{
    m_ui.banner->showLedgerNote(m_ledgerExists, m_ui.foreign->ledgers());
}

} // namespace uaip
