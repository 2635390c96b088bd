#include "migrationsview.h"

#include "backupgate.h"
#include "connections/connectiontester.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "dialogconfirmer.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "generatemigrationflow.h"
#include "indexmigrationflow.h"
#include "insights/insightscapabilities.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogressdialog.h"
#include "jobs/sessionworker.h"
#include "migrate/migrationrunjob.h"
#include "migrate/migrationstatusjob.h"
#include "migrate/verifyjob.h"
#include "migrationactionguard.h"
#include "migrationactions.h"
#include "migrationbanner.h"
#include "migrationdetailpane.h"
#include "migrationreports.h"
#include "migrationrunflow.h"
#include "migrationtablemodel.h"
#include "migrationtableview.h"

#include <QAction>
#include <QTableView>

namespace uaip {

MigrationsView::MigrationsView(JobManager *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_backup(new BackupGate(this))
    , m_actions(new MigrationActions(this))
    , m_runs(new MigrationRunFlow(
          m_source, m_actions, m_backup, [this] { return confirmer(); }, this))
    , m_generate(new GenerateMigrationFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_index(new IndexMigrationFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_sandboxDir(Sandbox::defaultRootDir())
    , m_ui(this, m_actions, m_backup)
{
    setObjectName(QStringLiteral("migrationsView"));
    connectParts();
    connectActions();
    // The shortcuts work where this view has the focus, and nowhere else: the other views
    // have their own Ctrl+F and Ctrl+D (the window's menu shows the same actions).
    addActions(m_actions->all());
    setMigrationsDir(MigrationSource::bundledDir());
}

MigrationsView::~MigrationsView() = default;

void MigrationsView::connectParts()
{
    connect(m_ui.banner, &MigrationBanner::statusText, this, &MigrationsView::statusText);
    connect(m_backup, &BackupGate::started, this,
            [this](Job *job) { adopt(job, true, nullptr, std::nullopt); });
    connect(m_backup, &BackupGate::failed, this, [this](const QString &why, bool error) {
        m_busyJob.clear();
        m_ui.banner->showMessage(why, error);
        updateActions();
        emit runFinished(false);
    });
    connect(m_ui.foreign, &ForeignHistorySection::loaded, this, &MigrationsView::showLedgerBanner);
    connect(m_ui.table, &MigrationTableView::selectionMoved, this, [this] {
        const auto v = selectedVersion();
        const int row = v ? m_ui.model->rowOfVersion(*v) : -1;
        m_ui.details->showMigration(m_ui.model->statusAt(row), m_events);
        if (m_lastFailure && v && m_lastFailure->version == *v)
            m_ui.details->showFailure(*m_lastFailure);
        updateActions();
    });

    const auto startBusy
        = [this](Job *job, const SessionSpec &spec) { adopt(job, true, nullptr, spec); };
    connect(m_runs, &MigrationRunFlow::started, this, startBusy);
    connect(m_runs, &MigrationRunFlow::jobEnded, this, &MigrationsView::endBusyJob);
    connect(m_runs, &MigrationRunFlow::message, m_ui.banner, &MigrationBanner::showMessage);
    connect(m_runs, &MigrationRunFlow::failure, this, &MigrationsView::markFailure);
    connect(m_runs, &MigrationRunFlow::previewReady, this, &MigrationsView::previewReady);
    connect(m_runs, &MigrationRunFlow::finished, this, [this](bool ok, bool refresh) {
        if (refresh)
            refreshThenFinish(ok);
        else
            emit runFinished(ok);
    });
    connect(m_generate, &GenerateMigrationFlow::started, this, startBusy);
    connect(m_generate, &GenerateMigrationFlow::jobEnded, this, &MigrationsView::endBusyJob);
    connect(m_generate, &GenerateMigrationFlow::message, m_ui.banner,
            &MigrationBanner::showMessage);
    connect(m_generate, &GenerateMigrationFlow::written, this, &MigrationsView::onMigrationWritten);
    connect(m_index, &IndexMigrationFlow::started, this, startBusy);
    connect(m_index, &IndexMigrationFlow::jobEnded, this, &MigrationsView::endBusyJob);
    connect(m_index, &IndexMigrationFlow::message, m_ui.banner, &MigrationBanner::showMessage);
    connect(m_index, &IndexMigrationFlow::written, this, &MigrationsView::onIndexMigrationWritten);
}

void MigrationsView::connectActions()
{
    connect(m_actions->refresh, &QAction::triggered, this, &MigrationsView::refresh);
    connect(m_actions->applyAll, &QAction::triggered, this,
            [this] { m_runs->apply(std::nullopt, m_ui.model->statuses(), m_identity); });
    connect(m_actions->applyToSelected, &QAction::triggered, this,
            [this] { m_runs->apply(selectedVersion(), m_ui.model->statuses(), m_identity); });
    connect(m_actions->rollbackLast, &QAction::triggered, this, [this] {
        m_runs->rollBack(DownTarget{DownTarget::Kind::Steps, 1, std::nullopt},
                         tr("Roll back the last applied migration"));
    });
    connect(m_actions->rollbackToSelected, &QAction::triggered, this, [this] {
        const auto v = selectedVersion();
        const auto parsed = v ? MigrationVersion::parse(*v) : std::nullopt;
        if (!parsed)
            return m_ui.banner->showMessage(tr("Select the migration to roll back to first."),
                                            true);
        m_runs->rollBack(DownTarget{DownTarget::Kind::ToVersion, 0, parsed},
                         tr("Roll back every migration after %1 (%1 stays applied)").arg(*v));
    });
    connect(m_actions->dryRun, &QAction::triggered, this, &MigrationsView::dryRun);
    // In one transaction the plan is checked as one (no-transaction scripts are refused)
    connect(m_actions->singleTransaction, &QAction::toggled, this, [this](bool one) {
        m_planProblems = MigrationReports::planProblems(m_ui.model->statuses(), one);
        updateActions();
    });
    connect(m_actions->validate, &QAction::triggered, this, &MigrationsView::validate);
    connect(m_actions->verify, &QAction::triggered, this, &MigrationsView::verify);
    connect(m_actions->openFolder, &QAction::triggered, this, &MigrationsView::openFolder);
    connect(m_actions->workloadSince, &QAction::triggered, this, &MigrationsView::workloadSince);
    connect(m_actions->generateMigration, &QAction::triggered, this,
            &MigrationsView::generateMigration);
}

void MigrationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_ui.placeSplit();
}

void MigrationsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_ui.fitToolBar();
}

void MigrationsView::setConfirmer(Confirmer *confirmer)
{
    m_confirmer = confirmer;
}

Confirmer *MigrationsView::confirmer()
{
    if (m_confirmer)
        return m_confirmer;
    if (!m_defaultConfirmer)
        m_defaultConfirmer = std::make_unique<DialogConfirmer>();
    return m_defaultConfirmer.get();
}

void MigrationsView::setLockWaitMs(int ms)
{
    m_runs->setLockWaitMs(ms);
}

bool MigrationsView::setMigrationsDir(const QString &dir)
{
    m_source.load(dir);
    // A bad file blocks only the plans that run it (the plan check says so); a folder that
    // gives no order blocks everything.
    m_sourceOk = m_source.folderErrors().isEmpty();
    m_ui.banner->showSourceProblems(dir, m_source.errors(), m_sourceOk);
    updateActions();
    if (isConnected())
        refresh();
    return m_sourceOk;
}

void MigrationsView::setTarget(const std::optional<SessionSpec> &spec)
{
    // Everything that ran for the previous target is disowned: its results are ignored, a
    // preview (and its question) or a backup before an apply is cancelled. A running apply or
    // rollback goes on to its end (the job dock shows it): cancelling it half-way helps no one.
    ++m_generation;
    if (m_busyJob && !m_busyIsRun)
        m_busyJob->cancel();
    m_busyJob.clear();
    m_busyIsRun = false;
    m_backup->disown();
    m_runs->setTarget(spec);
    m_generate->disown();
    m_index->disown();
    m_statusJob.clear();
    m_worker.reset(); // retires: cancels a status read, never waits
    m_identity = {};
    m_statusOk = false;
    m_standby = false;
    m_serverRole.clear();
    m_target = spec;
    m_profile = spec ? spec->profile : ConnectionProfile{};
    m_backup->setProfile(m_profile);
    m_ui.fitToolBar(); // "Back up first" shows on production profiles
    // No session before the password is known: an incomplete spec is "not connected".
    if (isConnected())
        m_worker = std::make_unique<SessionWorker>(
            m_target->withPurpose(QStringLiteral("migrations")), QStringLiteral("migrations"));
    m_ui.model->setStatuses({});
    m_ui.history->setEvents({});
    m_events.clear();
    m_ui.details->showMigration(nullptr, {});
    if (m_source.errors().isEmpty())
        m_ui.banner->hide();
    updateActions();
    if (isConnected())
        refresh();
}

QString MigrationsView::bannerText() const
{
    return m_ui.banner->message();
}

bool MigrationsView::bannerIsError() const
{
    return m_ui.banner->isError();
}

void MigrationsView::showLedgerBanner()
{
    m_ui.banner->showLedgerNote(m_ledgerExists, m_ui.foreign->ledgers());
}

std::optional<QString> MigrationsView::selectedVersion() const
{
    return m_ui.table->selectedVersion();
}

bool MigrationsView::selectVersion(const QString &version)
{
    return m_ui.table->selectVersion(version);
}

void MigrationsView::markFailure(const std::optional<MigrationFailure> &failure)
{
    m_lastFailure = failure;
    if (failure && !selectVersion(failure->version))
        m_ui.details->showFailure(*failure);
}

void MigrationsView::updateActions()
{
    const MigrationActionGuard guard({.connected = isConnected(),
                                      .readOnly = m_profile.readOnly,
                                      .profileName = m_profile.displayName(),
                                      .standby = m_standby,
                                      .serverRole = m_serverRole,
                                      .sourceOk = m_sourceOk,
                                      .statusOk = m_statusOk,
                                      .busy = isBusy(),
                                      .bundled = m_source.dir().startsWith(u':'),
                                      .statuses = m_ui.model->statuses(),
                                      .selected = selectedVersion(),
                                      .planProblems = m_planProblems});
    guard.apply(*m_actions);
    if (isConnected() && (m_profile.readOnly || m_standby))
        emit statusText(guard.blocker());
}

void MigrationsView::adopt(Job *job, bool busy, SessionWorker *worker,
                           const std::optional<SessionSpec> &spec)
{
    if (busy) {
        m_lastFailure.reset();
        m_busyJob = job;
        m_busyIsRun = qobject_cast<MigrationRunJob *>(job) != nullptr;
        updateActions();
        if (m_showProgressDialog) {
            auto *dialog = new JobProgressDialog(job, this);
            dialog->show();
        }
    }
    if (worker)
        m_jobs->start(job, worker);
    else
        m_jobs->start(job, spec);
}

void MigrationsView::endBusyJob()
{
    m_busyJob.clear();
    updateActions();
}

void MigrationsView::refresh()
{
    if (!isConnected() || !m_worker)
        return;
    if (m_statusJob)
        m_statusJob->cancel();
    auto *job = new MigrationStatusJob(m_source.migrations());
    m_statusJob = job;
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation || job != m_statusJob)
            return; // a newer refresh (or another target) is on its way
        if (!ok && job->isCancelled()) {
            m_ui.banner->showMessage(
                tr("Refresh cancelled; the list may be out of date (F5 reads it again)."), false);
            updateActions();
            emit refreshed(false);
            return;
        }
        if (!ok) {
            const QString text = job->connectionFailed()
                ? ConnectionTester::diagnose(job->error().message).toString()
                : summary;
            m_statusOk = false;
            m_ui.banner->showMessage(tr("Cannot read the migration status: %1").arg(text), true);
            updateActions();
            emit sessionChecked(!job->connectionFailed(),
                                job->connectionFailed() ? text : QString());
            emit refreshed(false);
            return;
        }
        m_statusOk = true;
        m_identity = job->identity();
        m_standby = job->topology().inRecovery;
        m_serverRole = job->topology().role();
        emit serverRole(m_serverRole, m_standby);
        const auto before = selectedVersion();
        m_events = job->events();
        m_ui.model->setStatuses(job->statuses());
        m_planProblems = MigrationReports::planProblems(job->statuses(),
                                                        m_actions->singleTransaction->isChecked());
        m_ui.history->setEvents(m_events);
        m_ui.table->resizeColumnsToContents();
        m_ui.historyView->resizeColumnsToContents();
        if (!before || !selectVersion(*before))
            m_ui.details->showMigration(nullptr, {});
        m_ledgerExists = job->ledgerExists();
        showLedgerBanner();
        emit sessionInfo(job->serverVersion(), job->database(), job->user(), job->latencyMs());
        updateActions();
        emit sessionChecked(true, QString());
        emit refreshed(true);
    });
    adopt(job, false, m_worker.get(), std::nullopt);
}

void MigrationsView::refreshThenFinish(bool ok)
{
    // Read the status again, then tell listeners the run is over.
    connect(
        this, &MigrationsView::refreshed, this, [this, ok] { emit runFinished(ok); },
        Qt::SingleShotConnection);
    refresh();
}

void MigrationsView::dryRun()
{
    bool sql = false;
    const QString text = MigrationReports::dryRun(m_ui.model->statuses(),
                                                  m_actions->singleTransaction->isChecked(), &sql);
    confirmer()->showText(this, tr("Dry run: the SQL plan"), text, sql);
}

void MigrationsView::validate()
{
    int problems = 0;
    const QString text = MigrationReports::validate(m_source, m_ui.model->statuses(), &problems);
    m_ui.banner->showMessage(problems ? tr("Validate found %n problem(s).", nullptr, problems)
                                      : tr("Validate: no problems."),
                             problems > 0);
    confirmer()->showText(this, tr("Validate"), text, false);
}

void MigrationsView::verify()
{
    const bool checkTarget = isConnected();
    auto *job = new VerifyJob(m_sandboxDir, checkTarget, m_source.migrations());
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation)
            return;
        const QString report = job->reportText();
        endBusyJob();
        if (!ok && job->isCancelled())
            return m_ui.banner->showMessage(tr("Verify cancelled."), false);
        m_ui.banner->showMessage(tr("Verify: %1").arg(summary), !ok);
        confirmer()->showText(this, tr("Verify"), report.isEmpty() ? summary : report, false);
    });
    adopt(job, true, nullptr,
          checkTarget ? std::optional<SessionSpec>(m_target->withPurpose(QStringLiteral("verify")))
                      : std::nullopt);
}

void MigrationsView::generateMigration()
{
    if (!isConnected() || !m_sourceOk || isBusy() || m_source.dir().startsWith(u':'))
        return;
    const QString name = confirmer()->askMigrationName(this);
    if (name.isEmpty())
        return;
    m_generate->run(name, *m_target, m_sandboxDir);
}

void MigrationsView::onMigrationWritten(const QString &dir, const QString &folderName,
                                        const QString &folder, bool record)
{
    setMigrationsDir(dir);
    if (!record) {
        m_ui.banner->showMessage(
            tr("Wrote %1. %2 already has its schema: until it is recorded as applied "
               "there, applying it would fail.")
                .arg(folder, m_profile.database),
            false);
        refreshThenFinish(true);
        return;
    }
    const Migration *written = nullptr;
    for (const Migration &m : m_source.migrations())
        if (m.id() == folderName)
            written = &m;
    if (!written)
        return m_ui.banner->showMessage(
            tr("Wrote %1, but it does not load again; it was not recorded.").arg(folder), true);
    m_runs->recordAsApplied(written->version, m_identity);
}

bool MigrationsView::createIndexMigration(const IndexAction &action)
{
    QString why;
    if (!isConnected())
        why = tr("connect first.");
    else if (isBusy())
        why = tr("wait until the running job ends.");
    else if (!m_sourceOk)
        why = tr("the migrations folder has problems: fix them first.");
    else if (m_source.dir().startsWith(u':'))
        why = tr("the bundled migrations are read-only. Open your migrations folder "
                 "(Migrations > Open migrations folder...) and try again.");
    if (!why.isEmpty()) {
        m_ui.banner->showMessage(tr("%1 cannot be created: %2").arg(action.migrationName(), why),
                                 true);
        return false;
    }
    m_index->run(action, *m_target, m_sandboxDir);
    return true;
}

void MigrationsView::onIndexMigrationWritten(const QString &dir, const QString &folderName,
                                             const QString &folder)
{
    connect(
        this, &MigrationsView::refreshed, this,
        [this, folderName] { selectVersion(folderName.section(u'_', 0, 0)); },
        Qt::SingleShotConnection);
    setMigrationsDir(dir); // reads the status again
    m_ui.banner->showMessage(tr("Wrote %1. Review it, then apply it: it runs CONCURRENTLY, "
                                "outside a transaction, so the platform's reads and writes go on.")
                                 .arg(folder),
                             false);
}

void MigrationsView::workloadSince()
{
    const auto version = selectedVersion();
    if (!isConnected() || !version)
        return;
    auto report = std::make_shared<std::optional<WorkloadSince::Report>>();
    auto *job = new FunctionJob(
        tr("Workload since %1").arg(*version),
        [version = *version, report](JobContext &context, QString *summary) {
            const DbResult<Session *> session = context.session();
            if (!session) {
                *summary = session.error().message;
                return false;
            }
            PgConnection &pg = session.value()->pg();
            const DbResult<InsightsCapabilities> caps = InsightsCapabilities::read(pg);
            const DbResult<WorkloadSince::Report> read = caps
                ? WorkloadSince::read(pg, caps.value(), version)
                : DbResult<WorkloadSince::Report>(caps.error());
            if (!read) {
                *summary = read.error().message;
                return false;
            }
            *report = read.value();
            *summary = tr("%n statement(s) slower", nullptr, read.value().regressions());
            return true;
        });
    const int generation = m_generation;
    connect(job, &Job::finished, this,
            [this, report, generation, version = *version](bool ok, const QString &summary) {
                endBusyJob();
                if (generation != m_generation)
                    return;
                const QString title = tr("Workload since %1").arg(version);
                if (!ok)
                    return m_ui.banner->showMessage(tr("%1: %2").arg(title, summary), true);
                confirmer()->showText(this, title, MigrationReports::workloadSince(**report),
                                      false);
            });
    adopt(job, true, nullptr, m_target->withPurpose(QStringLiteral("workload since")));
}

void MigrationsView::openFolder()
{
    if (isBusy())
        return;
    const QString dir = confirmer()->chooseMigrationsDir(this, m_source.dir());
    if (dir.isEmpty() || dir == m_source.dir())
        return;
    setMigrationsDir(dir); // reads the status again
    emit migrationsDirChanged(dir);
}

} // namespace uaip
