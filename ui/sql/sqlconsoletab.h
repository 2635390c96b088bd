#pragma once

#include "db/sessionspec.h"
#include "sqlconsole/sqlclosedcursor.h"
#include "sqlconsole/sqlrunrequest.h"
#include "sqlconsole/sqlrunresult.h"
#include "sqlconsole/sqltransactionstate.h"
#include "sqlresulttabs.h"
#include "sqltabsession.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QToolBar;

namespace uaip {

class Job;
class PlanHistoryView;
class PlanSqlLink;
class PlanView;
class SqlEditor;
class SqlResultModel;
class SqlTabExplainer;
class SqlTransactionMonitor;

// One tab of the SQL view: an editor over its results. It runs on a SessionWorker of its own
// (a session per tab: its transaction, cursors and statement timeout are the tab's), never on
// the GUI thread. Run takes the selection, else the statement under the cursor; Run script
// takes everything. Results show as tabs (one per result set, rows paged from the server-side
// cursor as the grid scrolls), then the plan and the messages (command tags, row counts,
// durations, notices, errors at line:col with SQLSTATE, detail and hint; the error line marked
// in the editor's margin). Cancel reaches the server at once. With autocommit off (the default
// on production profiles) the work stays in a transaction until Commit or Roll back. On a
// production profile a statement that writes runs only after the database name is typed.
class SqlConsoleTab : public QWidget
{
    Q_OBJECT
public:
    // Asks the user to type the database name; returns what was typed (empty: cancelled).
    // Tests replace it.
    using NameAsker
        = std::function<QString(QWidget *parent, const QString &database, const QString &why)>;

    explicit SqlConsoleTab(QWidget *parent = nullptr);
    ~SqlConsoleTab() override;

    void setTarget(const std::optional<SessionSpec> &spec);
    void setNameAsker(NameAsker asker) { m_askName = std::move(asker); }
    void setCompletionNames(const QStringList &names);

    SqlEditor *editor() const { return m_editor; }
    QTabWidget *results() const { return m_results; }
    // The plan shown (the left one when two are compared) and the tab's plan history.
    PlanView *planView() const;
    PlanHistoryView *planHistory() const { return m_results->plans(); }
    QPlainTextEdit *messages() const { return m_results->messages(); }
    // Under the editor: the selected plan node and its condition.
    QLabel *planLinkLabel() const { return m_planLink; }
    bool isBusy() const { return m_session->isBusy(); }
    bool inTransaction() const { return m_inTransaction; }
    QString statusText() const;
    // The grid model of result set i of the last run.
    SqlResultModel *resultModel(int i) const { return m_results->model(i); }

    QAction *runAction() const { return m_run; }
    QAction *runScriptAction() const { return m_runScript; }
    QAction *explainAction() const { return m_explain; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *commitAction() const { return m_commit; }
    QAction *rollbackAction() const { return m_rollback; }
    // Reads what is left of small results, closes the cursors and ends the read transaction.
    QAction *closeResultsAction() const { return m_closeResults; }
    SqlTransactionMonitor *transactionMonitor() const { return m_monitor; }
    // The transaction line under the status: what the tab's session holds (empty: nothing).
    QString transactionText() const;
    QCheckBox *autocommitBox() const { return m_autocommit; }
    QCheckBox *analyzeBox() const { return m_analyze; }
    QSpinBox *timeoutBox() const { return m_timeout; }

    void runSelectionOrStatement();
    void runScript();
    void explain();
    void cancel();
    void commit();
    void rollback();
    void closeResults();
    void exportCsv();
    void showHistory();

signals:
    void jobStarted(uaip::Job *job);
    // A run, fetch, commit, rollback or explain has ended.
    void finished();
    void planShown();

private:
    void buildActions();
    void run(SqlRunRequest request);
    void showRun(const SqlRunRequest &request, const SqlRunResult &result);
    void updateActions();
    void message(const QString &text);
    void fetchMore(SqlResultModel *model, const QByteArray &cursor);
    void endTransactionJob(bool commit);
    // A job of the tab ended: what its session holds now.
    void heldAfter(const SqlTransactionState &state);
    void showTransactionLine();
    void showClosed(const QList<SqlClosedCursor> &closed, bool idle);
    void remember(const QString &sql, bool ok, double ms, const QString &outcome);

    SqlTabSession *m_session;
    NameAsker m_askName;
    SqlEditor *m_editor;
    QToolBar *m_toolbar;
    SqlResultTabs *m_results;
    QLabel *m_status;
    QLabel *m_planLink;
    PlanSqlLink *m_link = nullptr;
    SqlTabExplainer *m_explainer = nullptr;
    SqlTransactionMonitor *m_monitor;
    QLabel *m_transactionLine;
    QAction *m_run = nullptr;
    QAction *m_runScript = nullptr;
    QAction *m_explain = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_commit = nullptr;
    QAction *m_rollback = nullptr;
    QAction *m_closeResults = nullptr;
    QAction *m_export = nullptr;
    QAction *m_history = nullptr;
    QCheckBox *m_autocommit;
    QCheckBox *m_analyze;
    QSpinBox *m_timeout;
    bool m_inTransaction = false;
    bool m_transactionFailed = false; // the user's transaction failed: only Roll back ends it
    bool m_closingIdle = false; // the close that runs was the idle time's, not the user's
};

} // namespace uaip
