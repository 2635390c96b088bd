#pragma once

#include "db/connectionprofile.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "ledger/migrationfailure.h"
#include "ledger/migrationsource.h"
#include "migrationbusyjob.h"
#include "migrationfoldercheck.h"
#include "migrationstatusreader.h"
#include "migrationsviewlayout.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLineEdit;
class QTabWidget;
class QToolBar;

namespace uaip {

class Confirmer;
class EventTableModel;
class ForeignHistorySection;
class BackupGate;
class GenerateMigrationFlow;
class OnlineChangeFlow;
class IndexMigrationFlow;
struct IndexAction;
class JobManager;
class MigrationActions;
class MigrationCheckFlow;
class MigrationDetailPane;
class MigrationRunFlow;
class MigrationTableModel;
class MigrationTableView;
class SessionWorker;

// The migrations of one database: a table of every migration from files and ledger, the SQL,
// lint and events of the selected one, the whole event log, and the actions to apply, roll
// back (after a rollback-impact preview), dry-run, validate and verify. All database work runs
// as jobs (JobManager): status reads on the view's own session worker (MigrationStatusReader),
// previews, runs and checks (MigrationRunFlow, MigrationCheckFlow) on one-shot workers of
// their own; questions go through a Confirmer.
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
    void setShowProgressDialog(bool show) { m_busy->setShowProgressDialog(show); }

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
    bool isBusy() const { return m_busy->isBusy(); }
    Job *currentJob() const { return m_busy->job(); }
    bool selectVersion(const QString &version);
    // The Health view's "Create as migration…": action made a migration of this view's folder,
    // proved on the sandbox, reviewed and written (IndexMigrationFlow); false, with the reason
    // in the banner, when it cannot start (not connected, busy, the bundled folder).
    bool createIndexMigration(const IndexAction &action);
    const MigrationSource &source() const { return m_source; }
    const std::optional<SessionSpec> &target() const { return m_target; }
    bool isConnected() const { return m_target && m_target->isComplete(); }
    // Of the last successful status read.
    const DatabaseIdentity &identity() const { return m_status->identity(); }
    // The view's own session (status reads), for tests: null when not connected.
    SessionWorker *worker() const { return m_status->worker(); }

public slots:
    // Reads the folder again when it changed on disk, then the status.
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
    // serverVersionNum: server_version_num (ServerSupport says whether it is supported)
    void sessionInfo(const QString &serverVersion, int serverVersionNum, const QString &database,
                     const QString &user, int latencyMs);
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
    // The status reader's answers: the actions, and the view's signals.
    void connectStatus();
    void updateActions();
    // Roll back to selected: previews the rollback of every migration after the selected one.
    void rollBackToSelected();
    std::optional<QString> selectedVersion() const;
    // Marks where a rollback preview or a run failed in the SQL view (and keeps it marked until
    // the next run).
    void markFailure(const std::optional<MigrationFailure> &failure);
    // Reads the status again, then emits runFinished(ok).
    void refreshThenFinish(bool ok);
    // Reads the migrations folder (dir) into m_source, its checksum taken first.
    void readFolder(const QString &dir);
    // Runs action's work once the view holds what the folder holds: at once when the folder
    // is unchanged on disk, else after it was read again and the status with it (and only
    // when action is still enabled then: the user sees the new list and chooses again).
    void whenFolderCurrent(const QAction *action, const std::function<void()> &work);
    // Asks for a name and generates a migration from the target's drift, shows it for review
    // and writes it (GenerateMigrationFlow).
    void generateMigration();
    // Asks for a name and a statement and writes it as an expand and a contract migration,
    // proved on the sandbox (OnlineChangeFlow).
    void newOnlineChange();
    // An index migration was written: loads the folder again and selects it (pending).
    void onIndexMigrationWritten(const QString &dir, const QString &version);
    // Open migrations folder…: asks for a folder and reads it.
    void openFolder();
    Confirmer *confirmer();

    JobManager *m_jobs;
    MigrationBusyJob *m_busy; // the job the view waits for
    BackupGate *m_backup;
    MigrationActions *m_actions;
    MigrationSource m_source;
    MigrationRunFlow *m_runs; // apply, rollback, record as applied
    GenerateMigrationFlow *m_generate;
    OnlineChangeFlow *m_online; // New Online Change...
    IndexMigrationFlow *m_index; // the Health view's Create as migration
    MigrationCheckFlow *m_checks; // dry run, validate, verify, workload since
    ConnectionProfile m_profile;
    std::optional<SessionSpec> m_target;
    QString m_sandboxDir;
    MigrationFolderCheck m_folder; // whether the disk still holds what m_source read
    int m_targetGeneration = 0; // a folder read for one target never starts work on another
    bool m_sourceOk = true;
    QStringList m_planProblems; // of applying everything pending: Apply is disabled
    Confirmer *m_confirmer = nullptr;
    std::unique_ptr<Confirmer> m_defaultConfirmer;
    std::optional<MigrationFailure> m_lastFailure; // kept marked in the SQL view until the next run
    MigrationsViewLayout m_ui;
    MigrationStatusReader *m_status; // the status reads on the view's own session
};

} // namespace uaip
