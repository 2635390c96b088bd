#pragma once

#include "db/connectionprofile.h"
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "ledger/ledgerevent.h"
#include "ledger/migrationfailure.h"
#include "ledger/migrationsource.h"
#include "migrationsviewlayout.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLineEdit;
class QTabWidget;
class QToolBar;

namespace uaip {

class Confirmer;
class EventTableModel;
class ForeignHistorySection;
class BackupGate;
class GenerateMigrationFlow;
class IndexMigrationFlow;
struct IndexAction;
class JobManager;
class MigrationActions;
class MigrationDetailPane;
class MigrationRunFlow;
class MigrationTableModel;
class MigrationTableView;
class SessionWorker;

// The migrations of one database: a table of every migration from files and ledger, the SQL,
// lint and events of the selected one, the whole event log, and the actions to apply, roll
// back (after a rollback-impact preview), dry-run, validate and verify. All database work runs
// as jobs (JobManager): status reads on the view's own session worker, previews, runs and
// verify on one-shot workers of their own; questions go through a Confirmer.
//
// setTarget() disowns everything that ran for the previous target: a pending rollback preview
// is cancelled and its question closed, a backup before an apply is cancelled (the apply never
// starts), and no result of an older job reaches the view. What runs is what was confirmed:
// the run carries the database identity of the preview (or status read) and, for a rollback
// and an apply after "Back up first", the exact version list.
class MigrationsView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationsView(JobManager *jobs, QWidget *parent = nullptr);
    ~MigrationsView() override;

    // Not owned; null: real dialogs.
    void setConfirmer(Confirmer *confirmer);
    // Loads the migration files (":/migrations" by default); problems are shown in the view.
    bool setMigrationsDir(const QString &dir);
    // std::nullopt or a spec whose password is not known yet: not connected (no session).
    void setTarget(const std::optional<SessionSpec> &spec);
    void setSandboxDir(const QString &dir) { m_sandboxDir = dir; }
    void setLockWaitMs(int ms);
    void setShowProgressDialog(bool show) { m_showProgressDialog = show; }

    MigrationActions *actions() const { return m_actions; }
    BackupGate *backupGate() const { return m_backup; }
    MigrationTableModel *model() const { return m_ui.model; }
    MigrationTableView *table() const { return m_ui.table; }
    MigrationDetailPane *details() const { return m_ui.details; }
    EventTableModel *history() const { return m_ui.history; }
    ForeignHistorySection *foreignHistory() const { return m_ui.foreign; }
    QLineEdit *filterEdit() const { return m_ui.filter; }
    QTabWidget *tabs() const { return m_ui.tabs; }
    QToolBar *toolBar() const { return m_ui.bar; }
    QString bannerText() const;
    bool bannerIsError() const;
    bool isBusy() const { return !m_busyJob.isNull(); }
    Job *currentJob() const { return m_busyJob.data(); }
    bool selectVersion(const QString &version);
    // The Health view's "Create as migration…": action made a migration of this view's folder,
    // proved on the sandbox, reviewed and written (IndexMigrationFlow); false, with the reason
    // in the banner, when it cannot start (not connected, busy, the bundled folder).
    bool createIndexMigration(const IndexAction &action);
    const MigrationSource &source() const { return m_source; }
    const std::optional<SessionSpec> &target() const { return m_target; }
    bool isConnected() const { return m_target && m_target->isComplete(); }
    // Of the last successful status read.
    const DatabaseIdentity &identity() const { return m_identity; }
    // The view's own session (status reads), for tests: null when not connected.
    SessionWorker *worker() const { return m_worker.get(); }

public slots:
    void refresh();

signals:
    void refreshed(bool ok);
    // The user opened another migrations folder (Open migrations folder…).
    void migrationsDirChanged(const QString &dir);
    // After an apply or rollback has finished and the status was read again; also (false)
    // when a rollback was not confirmed or its preview failed.
    void runFinished(bool ok);
    // A rollback preview is ready (before the confirmation is asked).
    void previewReady();
    void sessionInfo(const QString &serverVersion, const QString &database, const QString &user,
                     int latencyMs);
    void statusText(const QString &text);
    // What the last status read found the server to be (ServerTopology::role), and whether it
    // is a standby (then applying and rolling back are disabled).
    void serverRole(const QString &role, bool standby);
    // A status read answered: whether the session is open (a read that failed after it opened
    // counts as open); when not, why, in a DBA's words (ConnectionTester::diagnose). Not sent
    // for a cancelled read.
    void sessionChecked(bool open, const QString &why);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // What the actions do.
    void connectActions();
    // The table, the banner, the backup gate and the flows, wired to the view.
    void connectParts();
    void updateActions();
    // Without a ledger of ours: "no ledger yet", or, when another tool keeps the history, whose
    // it is and "Adopt history…"; hides that note once our ledger exists.
    void showLedgerBanner();
    std::optional<QString> selectedVersion() const;
    // Marks where a rollback preview or a run failed in the SQL view (and keeps it marked until
    // the next run).
    void markFailure(const std::optional<MigrationFailure> &failure);
    // Reads the status again, then emits runFinished(ok).
    void refreshThenFinish(bool ok);
    void dryRun();
    void validate();
    void verify();
    // Asks for a name and generates a migration from the target's drift, shows it for review
    // and writes it (GenerateMigrationFlow).
    void generateMigration();
    // A generated migration was written: loads the folder again and, if asked, records the
    // migration as applied on the target.
    void onMigrationWritten(const QString &dir, const QString &folderName, const QString &folder,
                            bool record);
    // An index migration was written: loads the folder again and selects it (pending).
    void onIndexMigrationWritten(const QString &dir, const QString &folderName,
                                 const QString &folder);
    // Workload since this migration: the selected applied migration's workload snapshot
    // against now (WorkloadSince), shown as a report.
    void workloadSince();
    // Open migrations folder…: asks for a folder and reads it.
    void openFolder();
    // Shows a busy job (progress dialog, actions disabled) and starts it on worker, or on a
    // one-shot worker of spec when worker is null.
    void adopt(Job *job, bool busy, SessionWorker *worker, const std::optional<SessionSpec> &spec);
    // A busy job is over: the actions are available again.
    void endBusyJob();
    Confirmer *confirmer();

    JobManager *m_jobs;
    BackupGate *m_backup;
    MigrationActions *m_actions;
    MigrationSource m_source;
    MigrationRunFlow *m_runs; // apply, rollback, record as applied
    GenerateMigrationFlow *m_generate;
    IndexMigrationFlow *m_index; // the Health view's Create as migration
    ConnectionProfile m_profile;
    bool m_standby = false; // the last status read found a standby
    QString m_serverRole;
    std::optional<SessionSpec> m_target;
    std::unique_ptr<SessionWorker> m_worker; // status reads
    DatabaseIdentity m_identity;
    int m_generation = 0; // of the target: results of older jobs are ignored
    QString m_sandboxDir;
    bool m_showProgressDialog = true;
    bool m_statusOk = false; // the last status read succeeded
    bool m_ledgerExists = true; // as the last status read found it
    bool m_sourceOk = true;
    QStringList m_planProblems; // of applying everything pending: Apply is disabled
    Confirmer *m_confirmer = nullptr;
    std::unique_ptr<Confirmer> m_defaultConfirmer;
    QPointer<Job> m_busyJob;
    bool m_busyIsRun = false; // m_busyJob applies or rolls back (it is not cancelled by a switch)
    QPointer<Job> m_statusJob;
    QList<LedgerEvent> m_events;
    std::optional<MigrationFailure> m_lastFailure; // kept marked in the SQL view until the next run
    MigrationsViewLayout m_ui;
};

} // namespace uaip
