#include "migrationsview.h"

#include "backupgate.h"
#include "db/sandbox.h"
#include "dialogconfirmer.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "generatemigrationflow.h"
#include "indexmigrationflow.h"
#include "jobs/sessionworker.h"
#include "migrationactionguard.h"
#include "migrationactions.h"
#include "migrationbanner.h"
#include "migrationcheckflow.h"
#include "migrationdetailpane.h"
#include "migrationreports.h"
#include "migrationrunflow.h"
#include "migrationtablemodel.h"
#include "migrationtableview.h"
#include "onlinechangeflow.h"

#include <QAction>

namespace uaip {

MigrationsView::MigrationsView(JobManager *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_busy(new MigrationBusyJob(jobs, this))
    , m_backup(new BackupGate(this))
    , m_actions(new MigrationActions(this))
    , m_runs(new MigrationRunFlow(
          m_source, m_actions, m_backup, [this] { return confirmer(); }, this))
    , m_generate(new GenerateMigrationFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_online(new OnlineChangeFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_index(new IndexMigrationFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_checks(new MigrationCheckFlow(
          m_source, [this] { return confirmer(); }, this))
    , m_sandboxDir(Sandbox::defaultRootDir())
    , m_ui(this, m_actions, m_backup)
    , m_status(new MigrationStatusReader(m_jobs, m_ui, this))
{
    setObjectName(QStringLiteral("migrationsView"));
    connectParts();
    connectStatus();
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
    connect(m_busy, &MigrationBusyJob::started, this, [this] {
        m_lastFailure.reset();
        updateActions();
    });
    connect(m_busy, &MigrationBusyJob::ended, this, &MigrationsView::updateActions);
    connect(m_backup, &BackupGate::started, this,
            [this](Job *job) { m_busy->start(job, std::nullopt); });
    connect(m_backup, &BackupGate::failed, this, [this](const QString &why, bool error) {
        m_busy->end();
        m_ui.banner->showMessage(why, error);
        emit runFinished(false);
    });
    connect(m_ui.foreign, &ForeignHistorySection::loaded, m_status,
            &MigrationStatusReader::showLedgerNote);
    connect(m_ui.table, &MigrationTableView::selectionMoved, this, [this] {
        const auto v = selectedVersion();
        const int row = v ? m_ui.model->rowOfVersion(*v) : -1;
        m_ui.details->showMigration(m_ui.model->statusAt(row), m_status->events());
        if (m_lastFailure && v && m_lastFailure->version == *v)
            m_ui.details->showFailure(*m_lastFailure);
        updateActions();
    });

    const auto startBusy = [this](Job *job, const SessionSpec &spec) { m_busy->start(job, spec); };
    connect(m_runs, &MigrationRunFlow::started, this, startBusy);
    connect(m_runs, &MigrationRunFlow::jobEnded, m_busy, &MigrationBusyJob::end);
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
    connect(m_generate, &GenerateMigrationFlow::jobEnded, m_busy, &MigrationBusyJob::end);
    connect(m_generate, &GenerateMigrationFlow::message, m_ui.banner,
            &MigrationBanner::showMessage);
    connect(m_generate, &GenerateMigrationFlow::written, this,
            [this](const QString &dir) { setMigrationsDir(dir); });
    connect(m_generate, &GenerateMigrationFlow::recordRequested, this,
            [this](const MigrationVersion &version) {
                m_runs->recordAsApplied(version, m_status->identity());
            });
    connect(m_generate, &GenerateMigrationFlow::finished, this,
            [this] { refreshThenFinish(true); });
    connect(m_online, &OnlineChangeFlow::started, this, startBusy);
    connect(m_online, &OnlineChangeFlow::jobEnded, m_busy, &MigrationBusyJob::end);
    connect(m_online, &OnlineChangeFlow::message, m_ui.banner, &MigrationBanner::showMessage);
    connect(m_online, &OnlineChangeFlow::written, this,
            [this](const QString &dir) { setMigrationsDir(dir); });
    connect(m_online, &OnlineChangeFlow::finished, this, [this] { refreshThenFinish(true); });
    connect(m_index, &IndexMigrationFlow::started, this, startBusy);
    connect(m_index, &IndexMigrationFlow::jobEnded, m_busy, &MigrationBusyJob::end);
    connect(m_index, &IndexMigrationFlow::message, m_ui.banner, &MigrationBanner::showMessage);
    connect(m_index, &IndexMigrationFlow::written, this, &MigrationsView::onIndexMigrationWritten);
    connect(m_checks, &MigrationCheckFlow::started, m_busy, &MigrationBusyJob::start);
    connect(m_checks, &MigrationCheckFlow::jobEnded, m_busy, &MigrationBusyJob::end);
    connect(m_checks, &MigrationCheckFlow::message, m_ui.banner, &MigrationBanner::showMessage);
}

void MigrationsView::connectStatus()
{
    connect(m_status, &MigrationStatusReader::roleRead, this, &MigrationsView::serverRole);
    connect(m_status, &MigrationStatusReader::sessionInfo, this, &MigrationsView::sessionInfo);
    connect(m_status, &MigrationStatusReader::cancelled, this, [this] {
        updateActions();
        emit refreshed(false);
    });
    connect(m_status, &MigrationStatusReader::failed, this, [this](bool open, const QString &why) {
        updateActions();
        emit sessionChecked(open, why);
        emit refreshed(false);
    });
    connect(m_status, &MigrationStatusReader::answered, this, [this] {
        m_planProblems = MigrationReports::planProblems(m_ui.model->statuses(),
                                                        m_actions->singleTransaction->isChecked());
        updateActions();
        emit sessionChecked(true, QString());
        emit refreshed(true);
    });
}

void MigrationsView::connectActions()
{
    connect(m_actions->refresh, &QAction::triggered, this, &MigrationsView::refresh);
    // Each action on the folder's scripts works on what the folder holds now (re-read first
    // when it changed on disk): the forecast, the plan and the run follow the files.
    connect(m_actions->applyAll, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->applyAll, [this] {
            m_runs->apply(std::nullopt, m_ui.model->statuses(), m_status->identity());
        });
    });
    connect(m_actions->applyToSelected, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->applyToSelected, [this] {
            m_runs->apply(selectedVersion(), m_ui.model->statuses(), m_status->identity());
        });
    });
    connect(m_actions->rollbackLast, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->rollbackLast, [this] {
            m_runs->rollBack(DownTarget{DownTarget::Kind::Steps, 1, std::nullopt},
                             tr("Roll back the last applied migration"));
        });
    });
    connect(m_actions->rollbackToSelected, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->rollbackToSelected, [this] { rollBackToSelected(); });
    });
    connect(m_actions->dryRun, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->dryRun, [this] {
            m_checks->dryRun(m_ui.model->statuses(), m_actions->singleTransaction->isChecked());
        });
    });
    // In one transaction the plan is checked as one (no-transaction scripts are refused)
    connect(m_actions->singleTransaction, &QAction::toggled, this, [this](bool one) {
        m_planProblems = MigrationReports::planProblems(m_ui.model->statuses(), one);
        updateActions();
    });
    connect(m_actions->validate, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->validate,
                          [this] { m_checks->validate(m_ui.model->statuses()); });
    });
    connect(m_actions->verify, &QAction::triggered, this, [this] {
        whenFolderCurrent(m_actions->verify, [this] {
            m_checks->verify(isConnected() ? m_target : std::nullopt, m_sandboxDir);
        });
    });
    connect(m_actions->openFolder, &QAction::triggered, this, &MigrationsView::openFolder);
    connect(m_actions->workloadSince, &QAction::triggered, this, [this] {
        if (const auto version = selectedVersion(); isConnected() && version)
            m_checks->workloadSince(*version, *m_target);
    });
    connect(m_actions->generateMigration, &QAction::triggered, this,
            &MigrationsView::generateMigration);
    connect(m_actions->newOnlineChange, &QAction::triggered, this,
            &MigrationsView::newOnlineChange);
}

void MigrationsView::rollBackToSelected()
{
    const auto v = selectedVersion();
    const auto parsed = MigrationVersion::parse(v.value_or(QString()));
    if (!v || !parsed)
        return m_ui.banner->showMessage(tr("Select the migration to roll back to first."), true);
    m_runs->rollBack(DownTarget{DownTarget::Kind::ToVersion, 0, *parsed},
                     tr("Roll back every migration after %1 (%1 stays applied)").arg(*v));
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
    readFolder(dir);
    if (isConnected())
        m_status->start(m_source.migrations());
    return m_sourceOk;
}

void MigrationsView::readFolder(const QString &dir)
{
    m_folder.take(dir); // first: a file changed while it is read counts as changed
    m_source.load(dir);
    // A bad file blocks only the plans that run it (the plan check says so); a folder that
    // gives no order blocks everything.
    m_sourceOk = m_source.folderErrors().isEmpty();
    m_ui.banner->showSourceProblems(dir, m_source.errors(), m_sourceOk);
    updateActions();
}

void MigrationsView::whenFolderCurrent(const QAction *action, const std::function<void()> &work)
{
    if (!m_folder.changed())
        return work();
    readFolder(m_source.dir());
    if (!isConnected())
        return action->isEnabled() ? work() : void();
    const int generation = m_targetGeneration;
    connect(
        this, &MigrationsView::refreshed, this,
        [this, action, work, generation](bool ok) {
            if (generation != m_targetGeneration || isBusy())
                return; // another target, or something else started meanwhile
            if (ok && action->isEnabled())
                return work();
            m_ui.banner->showMessage(tr("The migrations folder changed on disk and was read "
                                        "again; nothing was run. Check the list, then choose "
                                        "\"%1\" again.")
                                         .arg(action->text().remove(u'&')),
                                     false);
            emit runFinished(false);
        },
        Qt::SingleShotConnection);
    m_status->start(m_source.migrations());
}

void MigrationsView::setTarget(const std::optional<SessionSpec> &spec)
{
    // Everything that ran for the previous target is disowned: its results are ignored, a
    // preview (and its question) or a backup before an apply is cancelled. A running apply or
    // rollback goes on to its end (the job dock shows it): cancelling it half-way helps no one.
    m_busy->disown();
    m_backup->disown();
    m_runs->setTarget(spec);
    m_generate->disown();
    m_online->disown();
    m_index->disown();
    m_checks->disown();
    ++m_targetGeneration;
    m_status->setTarget(spec);
    m_target = spec;
    m_profile = spec ? spec->profile : ConnectionProfile{};
    m_backup->setProfile(m_profile);
    m_ui.fitToolBar(); // "Back up first" shows on production profiles
    m_ui.model->setStatuses({});
    m_ui.history->setEvents({});
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
                                      .standby = m_status->standby(),
                                      .serverRole = m_status->serverRole(),
                                      .sourceOk = m_sourceOk,
                                      .statusOk = m_status->ok(),
                                      .busy = isBusy(),
                                      .bundled = m_source.dir().startsWith(u':'),
                                      .statuses = m_ui.model->statuses(),
                                      .selected = selectedVersion(),
                                      .planProblems = m_planProblems});
    guard.apply(*m_actions);
    if (isConnected() && (m_profile.readOnly || m_status->standby()))
        emit statusText(guard.blocker());
}

void MigrationsView::refresh()
{
    if (m_folder.changed())
        readFolder(m_source.dir());
    if (isConnected())
        m_status->start(m_source.migrations());
}

void MigrationsView::refreshThenFinish(bool ok)
{
    // Read the status again, then tell listeners the run is over.
    connect(
        this, &MigrationsView::refreshed, this, [this, ok] { emit runFinished(ok); },
        Qt::SingleShotConnection);
    refresh();
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

void MigrationsView::newOnlineChange()
{
    if (!isConnected() || !m_sourceOk || isBusy() || m_source.dir().startsWith(u':'))
        return;
    const std::optional<OnlineChangeRequest> request = confirmer()->askOnlineChange(this);
    if (!request)
        return;
    m_online->run(*request, *m_target, m_sandboxDir);
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

void MigrationsView::onIndexMigrationWritten(const QString &dir, const QString &version)
{
    connect(
        this, &MigrationsView::refreshed, this, [this, version] { selectVersion(version); },
        Qt::SingleShotConnection);
    setMigrationsDir(dir); // reads the status again
}

void MigrationsView::openFolder()
{
    if (isBusy())
        return;
    const QString dir = confirmer()->chooseMigrationsDir(this, m_source.dir());
    if (dir.isEmpty())
        return;
    const bool other = dir != m_source.dir();
    setMigrationsDir(dir); // reads the folder and the status again (also the same folder)
    if (other)
        emit migrationsDirChanged(dir);
}

} // namespace uaip
