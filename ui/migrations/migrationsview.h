#pragma once

#include "connections/connectionprofile.h"
#include "jobs/dbjob.h"
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
class BackupGate;
class JobManager;
class MigrationActions;
class MigrationDetailPane;
class MigrationRunJob;
class MigrationTableModel;
class MigrationTableView;
struct DownTarget;
struct RunResult;

// The migrations of one database: a table of every migration from files and ledger, the SQL,
// lint and events of the selected one, the whole event log, and the actions to apply, roll
// back (after a rollback-impact preview), dry-run, validate and verify. All database work runs
// as jobs on worker threads (JobManager); questions go through a Confirmer.
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
    // Empty conninfo: not connected.
    void setTarget(const ConnectionProfile &profile, const QString &conninfo);
    void setSandboxDir(const QString &dir) { m_sandboxDir = dir; }
    void setLockWaitMs(int ms) { m_lockWaitMs = ms; }
    void setShowProgressDialog(bool show) { m_showProgressDialog = show; }

    MigrationActions *actions() const { return m_actions; }
    BackupGate *backupGate() const { return m_backup; }
    MigrationTableModel *model() const { return m_model; }
    MigrationTableView *table() const { return m_table; }
    MigrationDetailPane *details() const { return m_details; }
    EventTableModel *history() const { return m_history; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTabWidget *tabs() const { return m_tabs; }
    QString bannerText() const;
    bool bannerIsError() const { return m_bannerError; }
    bool isBusy() const { return !m_busyJob.isNull(); }
    DbJob *currentJob() const { return m_busyJob.data(); }
    bool selectVersion(const QString &version);
    const MigrationSource &source() const { return m_source; }
    QString conninfo() const { return m_conninfo; }

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

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildUi();
    void fitToolBar();
    void updateActions();
    void showBanner(const QString &text, bool error);
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
    void adopt(DbJob *job, bool busy);
    Confirmer *confirmer();

    JobManager *m_jobs;
    BackupGate *m_backup;
    MigrationActions *m_actions;
    MigrationSource m_source;
    ConnectionProfile m_profile;
    QString m_conninfo;
    QString m_database;
    QString m_sandboxDir;
    int m_lockWaitMs = 10000;
    bool m_showProgressDialog = true;
    bool m_statusOk = false; // the last status read succeeded
    bool m_sourceOk = true;
    bool m_bannerError = false;
    QStringList m_planProblems; // of applying everything pending: Apply is disabled
    Confirmer *m_confirmer = nullptr;
    std::unique_ptr<Confirmer> m_defaultConfirmer;
    QPointer<DbJob> m_busyJob;
    QPointer<DbJob> m_statusJob;
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
    QTableView *m_historyView = nullptr;
    QSplitter *m_split = nullptr;
    QToolBar *m_bar = nullptr;
    bool m_splitPlaced = false; // the table/SQL split was set once it had a height
};

} // namespace uaip
