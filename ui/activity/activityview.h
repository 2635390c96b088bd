#pragma once

#include "sessionactionflow.h"
#include "sessiontableview.h"

#include "activity/sessionaction.h"
#include "db/sessionspec.h"

#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace uaip {

class ActivityJob;
class ActivityToolBar;
class IndexStatsModel;
class Job;
class LockChainTree;
class ReplicationPanel;
class SessionTableModel;
class SessionWorker;
class TableStatsModel;

// The Activity view: pg_stat_activity of the connected server refreshed every N seconds
// (pausable) on the view's own SessionWorker, sortable and filterable, sessions idle in a
// transaction past a threshold highlighted; the lock chains; the table and index statistics of
// the connected database; cancel and terminate of the selected session (never offered on a
// read-only profile, not for the console's own sessions, only for the connected database's
// sessions unless All databases is checked, the session's database name typed on a production
// profile; SessionControl refuses the same again in the core, and signals only the session
// shown: pid and backend_start). The outcome stays: in the session's row (an ended session
// stays listed a while), in the line above the status, and as the job's result.
class ActivityView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { ChainsTab, TablesTab, IndexesTab, ReplicationTab };
    // Asks before a cancel or terminate (SessionActionFlow::Asker).
    using Asker = SessionActionFlow::Asker;

    explicit ActivityView(QWidget *parent = nullptr);
    ~ActivityView() override;

    void setTarget(const std::optional<SessionSpec> &spec);
    void setAsker(Asker asker) { m_actionFlow.setAsker(std::move(asker)); }

    // Reads the activity now (and the statistics); a refresh already running is not doubled.
    void refresh();
    void setPaused(bool paused);
    bool isPaused() const;
    void setIntervalSeconds(int seconds);
    void setIdleThresholdSeconds(int seconds);
    void setFilter(const QString &text);
    // Selects the session in the table (false when it is not listed); a listed session before
    // an ended one with the same pid.
    bool selectPid(int pid);
    int selectedPid() const;
    // Asks (the Asker) and cancels or terminates the selected session.
    void cancelSelected();
    void terminateSelected();

    SessionTableModel *sessions() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_table->proxy(); }
    QTableView *table() const { return m_table; }
    LockChainTree *chainTree() const { return m_chains; }
    TableStatsModel *tableStats() const { return m_tableStats; }
    ReplicationPanel *replication() const { return m_replication; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *cancelAction() const;
    QAction *terminateAction() const;
    // Sessions of the server's other databases may be cancelled or terminated too.
    QCheckBox *allDatabasesBox() const;
    QString statusText() const;
    // The last cancel or terminate and how it ended (kept until the next one).
    QString outcomeText() const;
    int backendPid() const;

signals:
    void jobStarted(uaip::Job *job);
    void refreshed(bool ok);
    void actionFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The tool bar's controls wired to the view.
    void connectToolBar();
    // The statistics tables' columns fitted to their headers and values (after a read).
    void fitStatistics();
    void read(bool announce);
    void updateTimer();
    void updateActions();
    void onRefreshed(ActivityJob *job, bool ok, const QString &summary);
    void act(SessionAction::Kind kind);
    void setStatus(const QString &text);
    void setOutcome(const QString &text, bool failed);

    std::optional<SessionSpec> m_spec;
    SessionWorker *m_worker = nullptr;
    SessionTableModel *m_model;
    TableStatsModel *m_tableStats;
    IndexStatsModel *m_indexStats;
    SessionTableView *m_table;
    LockChainTree *m_chains;
    QTableView *m_tablesView;
    QTableView *m_indexesView;
    ReplicationPanel *m_replication;
    QTabWidget *m_tabs;
    QTimer *m_timer;
    ActivityToolBar *m_toolBar = nullptr;
    QLabel *m_outcome;
    QLabel *m_status;
    SessionActionFlow m_actionFlow;
    QString m_database; // the connected database, as the last refresh read it
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_statsLoaded = false;
    bool m_wantStats = false;
    bool m_wantReplication = false;
};

} // namespace uaip
