#pragma once

#include "db/sessionspec.h"
#include "sqlconsole/sqlrunrequest.h"
#include "sqlconsole/sqlrunresult.h"
#include "sqlresulttabs.h"
#include "sqltabsession.h"
#include "sqltabtoolbar.h"
#include "sqltabtransaction.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

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
// production profile a statement that writes runs only after the database name is typed. The
// tool bar is an SqlTabToolBar; what the session holds between runs, an SqlTabTransaction.
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
    bool inTransaction() const { return m_transaction->inTransaction(); }
    QString statusText() const;
    // The grid model of result set i of the last run.
    SqlResultModel *resultModel(int i) const { return m_results->model(i); }

    QAction *runAction() const { return m_toolbar->run; }
    QAction *runScriptAction() const { return m_toolbar->runScript; }
    QAction *explainAction() const { return m_toolbar->explain; }
    QAction *cancelAction() const { return m_toolbar->cancel; }
    QAction *commitAction() const { return m_toolbar->commit; }
    QAction *rollbackAction() const { return m_toolbar->rollback; }
    QAction *closeResultsAction() const { return m_toolbar->closeResults; }
    SqlTransactionMonitor *transactionMonitor() const { return m_transaction->monitor(); }
    // The transaction line under the status: what the tab's session holds (empty: nothing).
    QString transactionText() const;
    QCheckBox *autocommitBox() const { return m_toolbar->autocommit; }
    QCheckBox *analyzeBox() const { return m_toolbar->analyze; }
    QSpinBox *timeoutBox() const { return m_toolbar->timeout; }

    void runSelectionOrStatement();
    void runScript();
    void explain();
    void cancel();
    void commit() { m_transaction->end(true); }
    void rollback() { m_transaction->end(false); }
    void closeResults() { m_transaction->closeResults(); }
    void exportCsv();
    void showHistory();

signals:
    void jobStarted(uaip::Job *job);
    // A run, fetch, commit, rollback or explain has ended.
    void finished();
    void planShown();

private:
    // What the tool bar's actions do.
    void connectActions();
    void run(SqlRunRequest request);
    // Whether the script can be sent at all; else its syntax error is shown and marked.
    bool runnable(const SqlScript &script);
    void showRun(const SqlRunRequest &request, const SqlRunResult &result);
    void updateActions();
    void message(const QString &text);
    void fetchMore(SqlResultModel *model, const QByteArray &cursor);
    void remember(const QString &sql, bool ok, double ms, const QString &outcome);

    SqlTabSession *m_session;
    NameAsker m_askName;
    SqlEditor *m_editor;
    SqlResultTabs *m_results;
    QLabel *m_status;
    QLabel *m_planLink;
    PlanSqlLink *m_link = nullptr;
    SqlTabExplainer *m_explainer = nullptr;
    SqlTabTransaction *m_transaction; // what the session holds: the line, commit, close
    SqlTabToolBar *m_toolbar;
};

} // namespace uaip
