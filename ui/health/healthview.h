#pragma once

#include "db/sessionspec.h"
#include "indexadvice/indexaction.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace uaip {

class HistoryJob;
class HistoryPanel;
class InsightsJob;
class Job;
class SessionWorker;

// The Health view: the workload insights of the connected database, the same core classes as
// `uaip-migrate insights` (InsightsJob), read-only, on the view's own SessionWorker:
// - Queries: the top statements of pg_stat_statements;
// - Indexes: the indexes the top statements need, each proven with a hypothetical index
//   (hypopg) on their generic plans, then the unused, duplicate, covered, invalid (and with
//   "Measure bloat", bloated) indexes; the selected row's statement, plans and undo below, to
//   copy or to make a proved migration of (Create as migration…, in the Migrations view);
// - Tables: dead tuples, vacuum and analyze, and what holds back vacuum's xmin horizon, the
//   wraparound headroom, the sequences near their end;
// - Connections: the slots left, the sessions by application and state, the sessions idle in a
//   transaction;
// - History: the workload over the last days (HistoryPanel, WorkloadHistory): a statement's mean
//   time and calls, a table's size, each migration a marker. From the first time the view is
//   shown on a connection until it changes, a sample is recorded every N minutes (the panel's
//   setting, default 10; 0: off) as a HistoryJob on the view's worker.
// A tab reads when it is first shown and on Refresh (and the window's F5); what cannot be read (a
// missing extension, a role without pg_read_all_stats, a locked table) is said above the tabs, with
// what to do.
class HealthView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { QueriesTab, IndexesTab, TablesTab, ConnectionsTab, HistoryTab };

    explicit HealthView(QWidget *parent = nullptr);
    ~HealthView() override;

    void setTarget(const std::optional<SessionSpec> &spec);
    // Reads the current tab now (a reading already running is not doubled).
    void refresh();
    // The schema or the workload changed (a migration ran): every tab reads again when shown.
    void markStale();
    // Records a workload sample now (a recording already running is not doubled); the History
    // tab reads again when it is shown.
    void recordNow();

    QTabWidget *tabs() const { return m_tabs; }
    QStandardItemModel *queries() const { return m_queries; }
    QStandardItemModel *indexes() const { return m_indexes; }
    QStandardItemModel *tables() const { return m_tables; }
    QStandardItemModel *horizon() const { return m_horizon; }
    QStandardItemModel *connections() const { return m_connections; }
    QStandardItemModel *idle() const { return m_idle; }
    QTableView *indexView() const { return m_indexView; }
    QPlainTextEdit *details() const { return m_details; }
    QLabel *notes() const { return m_notes; }
    QCheckBox *bloatBox() const { return m_bloat; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *migrateButton() const { return m_migrate; }
    HistoryPanel *history() const { return m_history; }
    QTimer *recordTimer() const { return m_recordTimer; }

signals:
    void jobStarted(Job *job);
    // A reading ended (the tab it was for).
    void refreshed(int tab, bool ok);
    // "Create as migration…" on the selected proposal or finding: the Migrations view makes it
    // a migration of its folder.
    void migrationRequested(const uaip::IndexAction &action);
    // A workload sample was recorded (ok) or not.
    void recorded(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolBar();
    QWidget *buildIndexesTab();
    QWidget *buildTablesTab();
    QWidget *buildConnectionsTab();
    QTableView *table(QStandardItemModel *model);
    void read(int tab);
    void onRead(InsightsJob *job, bool ok, const QString &summary);
    void readHistory();
    void onHistory(HistoryJob *job, bool ok, const QString &summary);
    // The recording timer at the panel's interval while connected (stopped: 0 or no target).
    void scheduleRecording();
    void showDetails();
    void setNotes(const QStringList &notes);

    QTabWidget *m_tabs;
    QStandardItemModel *m_queries;
    QStandardItemModel *m_indexes;
    QStandardItemModel *m_tables;
    QStandardItemModel *m_horizon;
    QStandardItemModel *m_connections;
    QStandardItemModel *m_idle;
    QTableView *m_indexView = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_notes;
    QLabel *m_status = nullptr;
    QCheckBox *m_bloat = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_migrate = nullptr;
    QList<IndexAction> m_actions; // of the Indexes tab's rows (HealthModels::kActionRole)
    SessionWorker *m_worker = nullptr;
    std::optional<SessionSpec> m_spec;
    quint64 m_generation = 0;
    bool m_busy = false;
    QList<bool> m_loaded;
    HistoryPanel *m_history = nullptr;
    QTimer *m_recordTimer = nullptr;
    bool m_recording = false;
};

} // namespace uaip
