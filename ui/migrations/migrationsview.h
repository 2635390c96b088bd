#pragma once

#include "db/connectionprofile.h"
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "migrate/ledgerevent.h"
#include "migrate/migrationfailure.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationsource.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QToolBar;
class QTableView;

namespace uaip {

class Confirmer;
class EventTableModel;
class ForeignHistorySection;
class BackupGate;
class JobManager;
class MigrationActions;
class MigrationDetailPane;
class MigrationRunJob;
class MigrationTableModel;
class MigrationTableView;
class SessionWorker;
struct DownTarget;
struct RunResult;

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
    void setLockWaitMs(int ms) { m_lockWaitMs = ms; }
    void setShowProgressDialog(bool show) { m_showProgressDialog = show; }

    MigrationActions *actions() const { return m_actions; }
    BackupGate *backupGate() const { return m_backup; }
    MigrationTableModel *model() const { return m_model; }
    MigrationTableView *table() const { return m_table; }
    MigrationDetailPane *details() const { return m_details; }
    EventTableModel *history() const { return m_history; }
    ForeignHistorySection *foreignHistory() const { return m_foreign; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTabWidget *tabs() const { return m_tabs; }
    QToolBar *toolBar() const { return m_bar; }
    QString bannerText() const;
    bool bannerIsError() const { return m_bannerError; }
    bool isBusy() const { return !m_busyJob.isNull(); }
    Job *currentJob() const { return m_busyJob.data(); }
    bool selectVersion(const QString &version);
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
    void buildUi();
    void fitToolBar();
    void updateActions();
    void showBanner(const QString &text, bool error);
    // Without a ledger of ours: "no ledger yet", or, when another tool keeps the history, whose
    // it is and "Adopt history…"; hides that note once our ledger exists.
    void showLedgerBanner();
    std::optional<QString> selectedVersion() const;
    void startApply(const std::optional<QString> &to);
    void startRollback(const DownTarget &target, const QString &what);
    void startRun(MigrationRunJob *job);
    void onRunFinished(const RunResult &result, MigrationRunJob *job);
    // Reads the status again, then emits runFinished(ok).
    void refreshThenFinish(bool ok);
    MigrationRunner::Options runnerOptions(int lockWaitMs) const;
    void dryRun();
    void validate();
    void verify();
    // Generates a migration from the target's drift (a job), shows it for review, writes it
    // and, if asked, records it as applied on the target (migrationsviewgenerate.cpp).
    void generateMigration();
    // Shows a busy job (progress dialog, actions disabled) and starts it on worker, or on a
    // one-shot worker of spec when worker is null.
    void adopt(Job *job, bool busy, SessionWorker *worker, const std::optional<SessionSpec> &spec);
    Confirmer *confirmer();

    JobManager *m_jobs;
    BackupGate *m_backup;
    MigrationActions *m_actions;
    MigrationSource m_source;
    ConnectionProfile m_profile;
    bool m_standby = false; // the last status read found a standby
    QString m_serverRole;
    std::optional<SessionSpec> m_target;
    std::unique_ptr<SessionWorker> m_worker; // status reads
    DatabaseIdentity m_identity;
    int m_generation = 0; // of the target: results of older jobs are ignored
    bool m_asking = false; // a question of the confirmer is open
    QString m_database;
    QString m_sandboxDir;
    int m_lockWaitMs = 10000;
    bool m_showProgressDialog = true;
    bool m_statusOk = false; // the last status read succeeded
    bool m_ledgerExists = true; // as the last status read found it
    bool m_ledgerBanner = false; // the banner shows showLedgerBanner()'s note
    bool m_sourceOk = true;
    bool m_bannerError = false;
    QStringList m_planProblems; // of applying everything pending: Apply is disabled
    Confirmer *m_confirmer = nullptr;
    std::unique_ptr<Confirmer> m_defaultConfirmer;
    QPointer<Job> m_busyJob;
    bool m_busyIsRun = false; // m_busyJob applies or rolls back (it is not cancelled by a switch)
    QPointer<Job> m_statusJob;
    QList<LedgerEvent> m_events;
    std::optional<MigrationFailure> m_lastFailure; // kept marked in the SQL view until the next run
    std::function<MigrationRunJob *(int lockWaitMs)> m_makeRun; // the last apply/rollback

    QLabel *m_banner = nullptr;
    QLineEdit *m_filter = nullptr;
    QTabWidget *m_tabs = nullptr;
    MigrationTableView *m_table = nullptr;
    MigrationTableModel *m_model = nullptr;
    MigrationDetailPane *m_details = nullptr;
    EventTableModel *m_history = nullptr;
    ForeignHistorySection *m_foreign = nullptr;
    QTableView *m_historyView = nullptr;
    QSplitter *m_split = nullptr;
    QToolBar *m_bar = nullptr;
    bool m_splitPlaced = false; // the table/SQL split was set once it had a height
};

} // namespace uaip
