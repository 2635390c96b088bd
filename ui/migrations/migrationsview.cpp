#include "migrationsview.h"

#include "backupgate.h"
#include "connections/connectiontester.h"
#include "db/sandbox.h"
#include "dialogconfirmer.h"
#include "eventtablemodel.h"
#include "foreignhistorysection.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogressdialog.h"
#include "jobs/migrationrunjob.h"
#include "jobs/migrationstatusjob.h"
#include "jobs/rollbackpreviewjob.h"
#include "jobs/sessionworker.h"
#include "jobs/verifyjob.h"
#include "migrate/migrationplanner.h"
#include "migrationactions.h"
#include "migrationdetailpane.h"
#include "migrationreports.h"
#include "migrationtablemodel.h"
#include "migrationtableview.h"
#include "runresulttext.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace uaip {

MigrationsView::MigrationsView(JobManager *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_backup(new BackupGate(this))
    , m_actions(new MigrationActions(this))
    , m_sandboxDir(Sandbox::defaultRootDir())
{
    setObjectName(QStringLiteral("migrationsView"));
    buildUi();
    // The shortcuts work where this view has the focus, and nowhere else: the other views
    // have their own F5, Ctrl+F and Ctrl+D (the window's menu shows the same actions).
    addActions(m_actions->all());
    setMigrationsDir(MigrationSource::bundledDir());
}

MigrationsView::~MigrationsView() = default;

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

bool MigrationsView::setMigrationsDir(const QString &dir)
{
    m_source.load(dir);
    // A bad file blocks only the plans that run it (the plan check says so); a folder that
    // gives no order blocks everything.
    m_sourceOk = m_source.folderErrors().isEmpty();
    const QStringList &problems = m_source.errors();
    if (!m_sourceOk)
        showBanner(tr("The migrations in %1 have %n problem(s); nothing can be applied until they "
                      "are fixed:\n  %2",
                      nullptr, int(problems.size()))
                       .arg(dir, problems.join(QStringLiteral("\n  "))),
                   true);
    else if (!problems.isEmpty())
        showBanner(tr("The migrations in %1 have %n problem(s) in their files; an apply or "
                      "rollback that runs such a file is refused until it is fixed:\n  %2",
                      nullptr, int(problems.size()))
                       .arg(dir, problems.join(QStringLiteral("\n  "))),
                   true);
    else
        m_banner->hide();
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
    if (m_asking)
        confirmer()->dismiss();
    m_statusJob.clear();
    m_worker.reset(); // retires: cancels a status read, never waits
    m_identity = {};
    m_statusOk = false;
    m_standby = false;
    m_serverRole.clear();
    m_makeRun = nullptr;
    m_target = spec;
    m_profile = spec ? spec->profile : ConnectionProfile{};
    m_backup->setProfile(m_profile);
    fitToolBar(); // "Back up first" shows on production profiles
    m_database = m_profile.database;
    // No session before the password is known: an incomplete spec is "not connected".
    if (isConnected())
        m_worker = std::make_unique<SessionWorker>(
            m_target->withPurpose(QStringLiteral("migrations")), QStringLiteral("migrations"));
    m_model->setStatuses({});
    m_history->setEvents({});
    m_events.clear();
    m_details->showMigration(nullptr, {});
    if (m_source.errors().isEmpty())
        m_banner->hide();
    updateActions();
    if (isConnected())
        refresh();
}

QString MigrationsView::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MigrationsView::showBanner(const QString &text, bool error)
{
    m_ledgerBanner = false;
    m_banner->setText(text);
    m_bannerError = error && !text.isEmpty();
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, StateStyle::danger());
    m_banner->setPalette(pal);
    m_banner->setVisible(!text.isEmpty());
    emit statusText(text.section(u'\n', 0, 0));
}

void MigrationsView::showLedgerBanner()
{
    if (m_ledgerExists) {
        if (m_ledgerBanner)
            showBanner(QString(), false);
        return;
    }
    if (!m_ledgerBanner && m_banner->isVisible())
        return; // another message (a run's result, an error) stays
    QStringList kept;
    for (const ForeignLedger &l : m_foreign->ledgers())
        kept << tr("%1 (%n applied)", nullptr, l.appliedCount()).arg(l.tool.displayName);
    if (kept.isEmpty())
        showBanner(tr("This database has no migration ledger yet; the first apply creates it."),
                   false);
    else
        showBanner(tr("This database has no migration ledger of ours yet: its history is kept by "
                      "%1. Take it over with \"Adopt history…\" below; an apply before that "
                      "would run the migrations already applied once more.")
                       .arg(QLocale().createSeparatedList(kept)),
                   false);
    m_ledgerBanner = true;
}

std::optional<QString> MigrationsView::selectedVersion() const
{
    return m_table->selectedVersion();
}

bool MigrationsView::selectVersion(const QString &version)
{
    return m_table->selectVersion(version);
}

void MigrationsView::updateActions()
{
    const bool connected = isConnected();
    const bool busy = isBusy();
    const auto selected = selectedVersion();
    QString why;
    if (!connected)
        why = tr("Not connected.");
    else if (m_profile.readOnly)
        why = tr("The profile \"%1\" is read-only: applying and rolling back are disabled.")
                  .arg(m_profile.name);
    else if (m_standby)
        why = tr("The server is a %1: applying and rolling back are disabled; connect to the "
                 "primary.")
                  .arg(m_serverRole);
    else if (!m_sourceOk)
        why = tr("The migration folder has errors.");
    else if (!m_statusOk)
        why = tr("The database could not be read; fix the connection and refresh (F5).");
    else if (busy)
        why = tr("A job is running.");
    // What can be rolled back: the newest applied migration, and (for "to selected") one
    // applied after the selected.
    std::optional<MigrationVersion> newestApplied;
    for (const MigrationStatus &s : m_model->statuses())
        if (s.isApplied() && s.parsedVersion
            && (!newestApplied || *s.parsedVersion > *newestApplied))
            newestApplied = s.parsedVersion;
    const auto selectedParsed = selected ? MigrationVersion::parse(*selected) : std::nullopt;
    // What can be applied: any pending migration, and (for "up to selected") one not after the
    // selected.
    bool anyPending = false;
    bool pendingUpToSelected = false;
    for (const MigrationStatus &s : m_model->statuses()) {
        if (s.isApplied())
            continue;
        anyPending = true;
        if (selectedParsed && s.parsedVersion && !(*s.parsedVersion > *selectedParsed))
            pendingUpToSelected = true;
    }
    auto reasonFor = [&](QAction *a) -> QString {
        if (!why.isEmpty())
            return why;
        if ((a == m_actions->applyToSelected || a == m_actions->rollbackToSelected) && !selected)
            return tr("Select a migration first.");
        if ((a == m_actions->applyAll || a == m_actions->applyToSelected) && !anyPending)
            return tr("Every migration is applied: there is nothing to apply.");
        if (a == m_actions->applyToSelected && !pendingUpToSelected)
            return tr("The selected migration and every one before it are applied: there is "
                      "nothing to apply up to it.");
        if (a == m_actions->rollbackLast && !newestApplied)
            return tr("No migration is applied: there is nothing to roll back.");
        if (a == m_actions->rollbackToSelected
            && (!newestApplied || !selectedParsed || !(*newestApplied > *selectedParsed)))
            return tr("No migration after the selected one is applied: there is nothing to roll "
                      "back.");
        return QString();
    };
    for (QAction *a : m_actions->writeActions()) {
        const bool applies = a == m_actions->applyAll || a == m_actions->applyToSelected;
        const QString reason = why.isEmpty() && applies && !m_planProblems.isEmpty()
            ? tr("The plan has %n problem(s); nothing would be applied (see Dry run):\n", nullptr,
                 int(m_planProblems.size()))
                + m_planProblems.join(u'\n')
            : reasonFor(a);
        a->setEnabled(reason.isEmpty());
        // the tip keeps naming the shortcut, as MigrationActions made it
        const QString tip = QStringLiteral("%1 (%2)").arg(
            a->statusTip(), a->shortcut().toString(QKeySequence::NativeText));
        a->setToolTip(reason.isEmpty() ? tip : tip + u'\n' + reason);
    }
    m_actions->refresh->setEnabled(connected);
    m_actions->dryRun->setEnabled(connected && m_sourceOk);
    m_actions->validate->setEnabled(true);
    m_actions->verify->setEnabled(m_sourceOk && !busy);
    const bool bundled = m_source.dir().startsWith(u':');
    m_actions->generateMigration->setEnabled(connected && m_sourceOk && !busy && !bundled);
    QAction *generate = m_actions->generateMigration;
    const QString generateTip = QStringLiteral("%1 (%2)").arg(
        generate->statusTip(), generate->shortcut().toString(QKeySequence::NativeText));
    generate->setToolTip(bundled ? generateTip + u'\n'
                                 + tr("The bundled migrations are read-only: open a migrations "
                                      "folder (--migrations-dir) to write one")
                                 : generateTip);
    if (connected && (m_profile.readOnly || m_standby))
        emit statusText(why);
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
            showBanner(tr("Refresh cancelled; the list may be out of date (F5 reads it again)."),
                       false);
            updateActions();
            emit refreshed(false);
            return;
        }
        if (!ok) {
            const QString text = job->connectionFailed()
                ? ConnectionTester::diagnose(job->error().message).toString()
                : summary;
            m_statusOk = false;
            showBanner(tr("Cannot read the migration status: %1").arg(text), true);
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
        m_model->setStatuses(job->statuses());
        m_planProblems = MigrationReports::planProblems(job->statuses(),
                                                        m_actions->singleTransaction->isChecked());
        m_history->setEvents(m_events);
        m_table->resizeColumnsToContents();
        m_historyView->resizeColumnsToContents();
        if (!before || !selectVersion(*before))
            m_details->showMigration(nullptr, {});
        m_ledgerExists = job->ledgerExists();
        showLedgerBanner();
        emit sessionInfo(job->serverVersion(), job->database(), job->user(), job->latencyMs());
        updateActions();
        emit sessionChecked(true, QString());
        emit refreshed(true);
    });
    adopt(job, false, m_worker.get(), std::nullopt);
}

void MigrationsView::startApply(const std::optional<QString> &to)
{
    std::optional<MigrationVersion> version;
    if (to) {
        version = MigrationVersion::parse(*to);
        if (!version)
            return showBanner(tr("\"%1\" is not a version").arg(*to), true);
    }
    if (!isConnected())
        return;
    // The run must reach the database the status was read from; after "Back up first" it must
    // also apply exactly what was pending when the user asked (the backup is of that state).
    const DatabaseIdentity identity = m_identity;
    std::optional<QStringList> versions;
    if (m_backup->wanted()) {
        versions = QStringList();
        for (const MigrationStatus &s : MigrationPlanner::planUp(m_model->statuses(), version))
            versions->append(s.migration ? s.migration->version.text() : s.version);
    }
    m_makeRun = [this, version, identity, versions](int lockWaitMs) {
        MigrationRunner::Options options = runnerOptions(lockWaitMs);
        options.expectedVersions = versions;
        return MigrationRunJob::up(m_source.migrations(), version, options, identity);
    };
    if (m_backup->wanted()) {
        const int generation = m_generation;
        m_backup->run(confirmer(), *m_target, m_database, [this, generation] {
            if (generation != m_generation)
                return; // the target changed during the backup: that apply is off
            m_busyJob.clear();
            startRun(m_makeRun(m_lockWaitMs));
        });
        return;
    }
    startRun(m_makeRun(m_lockWaitMs));
}

void MigrationsView::startRollback(const DownTarget &target, const QString &what)
{
    if (!isConnected())
        return;
    auto *preview = new RollbackPreviewJob(m_source.migrations(), target, m_lockWaitMs,
                                           m_actions->singleTransaction->isChecked());
    const int generation = m_generation;
    connect(preview, &Job::finished, this,
            [this, preview, what, generation](bool ok, const QString &summary) {
                if (generation != m_generation)
                    return; // a preview of another target: never confirmed, never run
                const RollbackImpact impact = preview->impact();
                const DatabaseIdentity identity = preview->identity();
                const auto failure = preview->failure();
                const DownTarget down = preview->target();
                m_busyJob.clear();
                updateActions();
                if (!ok && preview->isCancelled()) {
                    showBanner(tr("Rollback preview cancelled; nothing was changed."), false);
                    emit runFinished(false);
                    return;
                }
                if (!ok) {
                    showBanner(tr("The rollback preview failed, nothing was changed:\n%1")
                                   .arg(failure ? RunResultText::failure(*failure) : summary),
                               true);
                    m_lastFailure = failure;
                    if (failure && !selectVersion(failure->version))
                        m_details->showFailure(*failure);
                    emit runFinished(false);
                    return;
                }
                if (impact.migrations.isEmpty()) {
                    // The ledger changed since the last refresh (another session rolled
                    // back): never offer an empty rollback.
                    showBanner(down.kind == DownTarget::Kind::ToVersion && down.version
                                   ? tr("Nothing to roll back: no migration is applied after %1.")
                                         .arg(down.version->text())
                                   : tr("Nothing to roll back: no migration is applied."),
                               false);
                    return refreshThenFinish(false);
                }
                emit previewReady();
                m_asking = true;
                const bool confirmed
                    = confirmer()->confirmRollback(this, what, impact, m_profile, m_database);
                m_asking = false;
                if (generation != m_generation)
                    return; // the target changed while the question was open: nothing runs
                if (!confirmed) {
                    showBanner(tr("Rollback not confirmed; nothing was changed."), false);
                    emit runFinished(false);
                    return;
                }
                // Exactly what was previewed, on the database it was previewed on.
                const QStringList versions = impact.versions;
                m_makeRun = [this, down, versions, identity](int lockWaitMs) {
                    MigrationRunner::Options options = runnerOptions(lockWaitMs);
                    options.expectedVersions = versions;
                    return MigrationRunJob::down(m_source.migrations(), down, options, identity);
                };
                startRun(m_makeRun(m_lockWaitMs));
            });
    adopt(preview, true, nullptr, m_target->withPurpose(QStringLiteral("rollback preview")));
}

MigrationRunner::Options MigrationsView::runnerOptions(int lockWaitMs) const
{
    MigrationRunner::Options options;
    options.lockWaitMs = lockWaitMs;
    options.poolerFix = m_profile.migrationDirect.trimmed().isEmpty()
        ? tr("set \"Direct connection for migrations\" in the connection profile (the server's "
             "host:port, bypassing the pooler)")
        : tr("the profile's \"Direct connection for migrations\" (%1) goes through a pooler "
             "too: give the server's own host:port")
              .arg(m_profile.migrationDirect);
    options.client = QStringLiteral("uaip-admin %1").arg(QCoreApplication::applicationVersion());
    options.singleTransaction = m_actions->singleTransaction->isChecked();
    return options;
}

void MigrationsView::startRun(MigrationRunJob *job)
{
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation] {
        if (generation == m_generation)
            onRunFinished(job->result(), job);
    });
    // A session of its own: the migration lock is held by the session. Over the profile's
    // direct connection when it has one (bypassing a pooler): the job checks that it reaches
    // the database whose status was read (the same system identifier and database).
    SessionSpec spec = m_target->withPurpose(QStringLiteral("migrate"));
    spec.profile = spec.profile.forMigrations();
    adopt(job, true, nullptr, spec);
}

void MigrationsView::onRunFinished(const RunResult &resultRef, MigrationRunJob *job)
{
    const RunResult result = resultRef; // the job may go away while a dialog is open
    m_busyJob.clear();
    updateActions();
    showBanner(RunResultText::describe(result), !result.ok() && !result.cancelled);
    m_lastFailure = result.cancelled ? std::nullopt : result.failure;
    if (m_lastFailure && !selectVersion(m_lastFailure->version))
        m_details->showFailure(*result.failure);
    if (result.outcome == RunResult::Outcome::LockTimeout && result.lockHolder) {
        const int waited = job->lockWaitMs();
        const int generation = m_generation;
        m_asking = true;
        const bool wait = confirmer()->waitForLock(this, *result.lockHolder, waited);
        m_asking = false;
        if (generation != m_generation)
            return;
        if (wait) {
            const int longer = qMin(qMax(waited, 1000) * 4, 10 * 60 * 1000);
            showBanner(tr("Waiting up to %1 s for the migration lock ...").arg(longer / 1000),
                       false);
            startRun(m_makeRun(longer));
            return;
        }
        showBanner(
            tr("Gave up: the migration lock is held by %1").arg(result.lockHolder->describe()),
            true);
    }
    refreshThenFinish(result.ok());
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
    const QString text = MigrationReports::dryRun(m_model->statuses(),
                                                  m_actions->singleTransaction->isChecked(), &sql);
    confirmer()->showText(this, tr("Dry run: the SQL plan"), text, sql);
}

void MigrationsView::validate()
{
    int problems = 0;
    const QString text = MigrationReports::validate(m_source, m_model->statuses(), &problems);
    showBanner(problems ? tr("Validate found %n problem(s).", nullptr, problems)
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
        m_busyJob.clear();
        updateActions();
        if (!ok && job->isCancelled())
            return showBanner(tr("Verify cancelled."), false);
        showBanner(tr("Verify: %1").arg(summary), !ok);
        confirmer()->showText(this, tr("Verify"), report.isEmpty() ? summary : report, false);
    });
    adopt(job, true, nullptr,
          checkTarget ? std::optional<SessionSpec>(m_target->withPurpose(QStringLiteral("verify")))
                      : std::nullopt);
}

} // namespace uaip
