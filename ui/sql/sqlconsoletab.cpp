#include "sqlconsoletab.h"

#include "activity/activityage.h"
#include "planhistoryview.h"
#include "plansqllink.h"
#include "sqlconsole/sqlcsvexportjob.h"
#include "sqlconsole/sqlhistory.h"
#include "sqlconsole/sqlrunjob.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqleditor.h"
#include "sqlhistorydialog.h"
#include "sqlresultmodel.h"
#include "sqltabexplainer.h"
#include "sqltransactionmonitor.h"
#include "widgets/elidinglabel.h"
#include "widgets/statestyle.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace uaip {

namespace {

constexpr int kPageSize = 500;
// Closing a result reads at most this many more rows of it first: a result that ends within
// them is whole (most results a person scrolls are), a longer one is cut where it was read.
constexpr int kRestRows = 2000;

QString askName(QWidget *parent, const QString &database, const QString &why)
{
    bool ok = false;
    const QString typed = QInputDialog::getText(
        parent, SqlConsoleTab::tr("Production database"),
        why + QStringLiteral("\n\n")
            + SqlConsoleTab::tr("Type the database name \"%1\" to run it:").arg(database),
        QLineEdit::Normal, QString(), &ok);
    return ok ? typed : QString();
}

} // namespace

SqlConsoleTab::SqlConsoleTab(QWidget *parent)
    : QWidget(parent)
    , m_session(new SqlTabSession(this))
    , m_askName(askName)
    , m_editor(new SqlEditor(this))
    , m_toolbar(new QToolBar(this))
    , m_results(new SqlResultTabs(this))
    , m_status(new ElidingLabel(this))
    , m_planLink(new QLabel(this))
    , m_monitor(new SqlTransactionMonitor(m_session, this))
    , m_transactionLine(new ElidingLabel(this))
    , m_autocommit(new QCheckBox(tr("Autocommit"), this))
    , m_analyze(new QCheckBox(tr("Analyze"), this))
    , m_timeout(new QSpinBox(this))
{
    setObjectName(QStringLiteral("sqlConsoleTab"));
    m_results->messages()->setFont(m_editor->font());
    m_autocommit->setToolTip(tr("On: each statement commits on its own. Off: the work stays in "
                                "a transaction until Commit or Roll back."));
    m_analyze->setToolTip(tr("EXPLAIN ANALYZE: run the statement and measure every node "
                             "(never for a statement that writes)."));
    m_timeout->setRange(0, 86400);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no timeout"));
    m_timeout->setToolTip(tr("Statement timeout of this tab"));
    buildActions();
    connect(m_session, &SqlTabSession::busyChanged, this, &SqlConsoleTab::updateActions);
    connect(m_session, &SqlTabSession::jobStarted, this, &SqlConsoleTab::jobStarted);
    connect(m_results, &SqlResultTabs::moreRowsWanted, this, &SqlConsoleTab::fetchMore);
    connect(m_monitor, &SqlTransactionMonitor::changed, this, &SqlConsoleTab::showTransactionLine);
    connect(m_monitor, &SqlTransactionMonitor::idleCloseDue, this, [this] {
        if (m_session->isReady() && m_monitor->state().runnersRead) {
            m_closingIdle = true;
            closeResults();
        }
    });
    m_transactionLine->setObjectName(QStringLiteral("sqlTransactionLine"));
    m_transactionLine->hide();

    m_link = new PlanSqlLink(m_results->plans(), m_editor, m_planLink, this);
    m_explainer = new SqlTabExplainer(
        m_session, m_editor, m_results, m_status,
        [this](const QString &database, const QString &why) {
            return m_askName(this, database, why);
        },
        this);
    connect(m_explainer, &SqlTabExplainer::finished, this, &SqlConsoleTab::finished);
    connect(m_explainer, &SqlTabExplainer::planShown, this, &SqlConsoleTab::planShown);

    auto *editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(2);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_planLink);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(editorArea);
    split->addWidget(m_results);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolbar);
    layout->addWidget(split, 1);
    layout->addWidget(m_transactionLine);
    layout->addWidget(m_status);
    // A long outcome (a refusal names the statement, the function and the database) never
    // widens the window: elided where it does not fit, whole in the tool tip (ElidingLabel).
    updateActions();
}

SqlConsoleTab::~SqlConsoleTab() = default;

void SqlConsoleTab::buildActions()
{
    const auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        addAction(a);
        m_toolbar->addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_run = add(tr("Run"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                &SqlConsoleTab::runSelectionOrStatement);
    m_runScript = add(tr("Run script"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                      &SqlConsoleTab::runScript);
    m_explain = add(tr("Explain"), QKeySequence(Qt::CTRL | Qt::Key_E), &SqlConsoleTab::explain);
    m_toolbar->addWidget(m_analyze);
    m_cancel = add(tr("Cancel"), QKeySequence(Qt::Key_Escape), &SqlConsoleTab::cancel);
    m_cancel->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_Period)});
    m_toolbar->addSeparator();
    m_toolbar->addWidget(m_autocommit);
    m_commit = add(tr("Commit"), QKeySequence(), &SqlConsoleTab::commit);
    m_rollback = add(tr("Roll back"), QKeySequence(), &SqlConsoleTab::rollback);
    m_closeResults = add(tr("Close result"), QKeySequence(), &SqlConsoleTab::closeResults);
    m_closeResults->setToolTip(tr("Read what is left of a short result, close its cursor and "
                                  "end the read transaction that holds its tables' locks"));
    m_toolbar->addSeparator();
    m_toolbar->addWidget(new QLabel(tr("Timeout:"), this));
    m_toolbar->addWidget(m_timeout);
    m_toolbar->addSeparator();
    m_export = add(tr("Export CSV…"), QKeySequence(), &SqlConsoleTab::exportCsv);
    m_history = add(tr("History…"), QKeySequence(), &SqlConsoleTab::showHistory);
    m_run->setToolTip(m_run->toolTip() + u'\n'
                      + tr("The selection, or the statement under the cursor"));
}

void SqlConsoleTab::setTarget(const std::optional<SessionSpec> &spec)
{
    m_session->setTarget(spec);
    m_monitor->reset();
    m_inTransaction = false;
    m_transactionFailed = false;
    if (spec) {
        // Production: an explicit transaction, and plans without running the statement.
        m_autocommit->setChecked(!spec->profile.production);
        m_analyze->setChecked(!spec->profile.production);
    }
    m_results->endRows();
    updateActions();
}

void SqlConsoleTab::setCompletionNames(const QStringList &names)
{
    m_editor->setCompletionNames(names);
}

PlanView *SqlConsoleTab::planView() const
{
    return m_results->plans()->plan();
}

void SqlConsoleTab::runSelectionOrStatement()
{
    m_editor->cancelList(); // the completion list closes as the statement runs
    const QByteArray text = m_editor->utf8Text();
    int from = 0;
    int to = 0;
    if (m_editor->selectionOffsets(&from, &to)) {
        const SqlScript script(text, from, to);
        SqlRunRequest request;
        request.script = text;
        if (script.error()) {
            m_editor->markError(script.error()->position.line, script.error()->position.column);
            message(script.error()->toString());
            return;
        }
        request.statements = script.statements();
        return run(request);
    }
    const SqlScript script(text);
    if (script.error()) {
        m_editor->markError(script.error()->position.line, script.error()->position.column);
        message(script.error()->toString());
        return;
    }
    const std::optional<SqlStatement> st = script.statementAt(m_editor->cursorOffset());
    if (!st)
        return;
    SqlRunRequest request;
    request.script = text;
    request.statements = {*st};
    run(request);
}

void SqlConsoleTab::runScript()
{
    m_editor->cancelList();
    const QByteArray text = m_editor->utf8Text();
    const SqlScript script(text);
    if (script.error()) {
        m_editor->markError(script.error()->position.line, script.error()->position.column);
        message(script.error()->toString());
        return;
    }
    SqlRunRequest request;
    request.script = text;
    request.statements = script.statements();
    run(request);
}

void SqlConsoleTab::run(SqlRunRequest request)
{
    if (!m_session->isReady() || request.statements.isEmpty())
        return;
    m_editor->clearError();
    request.autocommit = m_autocommit->isChecked();
    request.statementTimeoutMs = m_timeout->value() * 1000;
    request.pageSize = kPageSize;
    m_status->setText(tr("Running…"));
    auto *job = SqlRunJob::run(m_session->runner(), request);
    m_session->post(job, [this, job, request](bool) {
        const SqlRunResult result = job->result();
        showRun(request, result);
        heldAfter(job->transactionState());
        const std::optional<SessionSpec> &spec = m_session->spec();
        if (result.error && result.error->kind == SqlRunError::Kind::NeedsConfirmation
            && request.confirmedDatabase.isEmpty() && spec) {
            const QString typed
                = m_askName(this, spec->profile.database, result.error->error.message);
            if (!typed.isEmpty()) {
                SqlRunRequest again = request;
                again.confirmedDatabase = typed;
                run(again);
                return;
            }
        }
        emit finished();
    });
}

void SqlConsoleTab::showRun(const SqlRunRequest &request, const SqlRunResult &result)
{
    m_results->showResultSets(result);
    QString outcome;
    if (result.error) {
        const SqlRunError &e = *result.error;
        message(e.toString());
        if (e.statementIndex >= 0)
            m_editor->markError(e.position.line, e.position.column);
        outcome = e.error.message.section(u'\n', 0, 0);
        if (result.cancelled)
            outcome = tr("cancelled");
        m_results->showMessages();
    } else {
        outcome = tr("%n statement(s)", nullptr, int(result.results.size()));
        m_results->showFirstResult();
    }
    m_inTransaction = result.inTransaction;
    m_transactionFailed = result.transactionFailed;
    const QLocale locale;
    // What the session holds after the run is the transaction line's (SqlTransactionMonitor).
    m_status->setText(
        result.error ? outcome
                     : tr("%1 in %2 ms").arg(outcome, locale.toString(result.durationMs, 'f', 1)));
    QString sql;
    for (const SqlStatement &st : request.statements)
        sql += QString::fromUtf8(st.text) + QStringLiteral(";\n");
    remember(sql.trimmed(), !result.error, result.durationMs, outcome);
    updateActions();
}

void SqlConsoleTab::fetchMore(SqlResultModel *model, const QByteArray &cursor)
{
    if (!m_session->isReady()) {
        model->appendPage(SqlPage()); // not now: the grid asks again as it scrolls
        return;
    }
    auto *job = SqlRunJob::fetch(m_session->runner(), cursor, kPageSize);
    const QPointer<SqlResultModel> guard(model);
    m_session->post(job, [this, job, guard](bool ok) {
        heldAfter(job->transactionState());
        if (guard) {
            if (ok) {
                guard->appendPage(job->page());
            } else {
                guard->endRows();
                message(job->summary());
                // the read transaction of the cursors ended with the error
                m_status->setText(job->summary().section(u'\n', 0, 0));
            }
        }
        emit finished();
    });
}

void SqlConsoleTab::cancel()
{
    m_session->cancel();
}

void SqlConsoleTab::commit()
{
    endTransactionJob(true);
}

void SqlConsoleTab::rollback()
{
    endTransactionJob(false);
}

void SqlConsoleTab::endTransactionJob(bool commitIt)
{
    if (!m_session->isReady())
        return;
    const std::shared_ptr<SqlRunner> &runner = m_session->runner();
    auto *job = commitIt ? SqlRunJob::commit(runner) : SqlRunJob::rollback(runner);
    m_session->post(job, [this, job](bool ok) {
        message(job->summary());
        if (ok) {
            m_inTransaction = false;
            m_transactionFailed = false;
            m_status->setText(job->summary());
        }
        m_results->endRows(); // their cursors ended with the transaction
        heldAfter(job->transactionState());
        emit finished();
    });
}

void SqlConsoleTab::closeResults()
{
    if (!m_session->isReady())
        return;
    const bool idle = std::exchange(m_closingIdle, false);
    auto *job = SqlRunJob::closeResults(m_session->runner(), kRestRows);
    m_session->post(job, [this, job, idle](bool ok) {
        if (ok)
            showClosed(job->closed(), idle);
        else
            message(job->summary());
        heldAfter(job->transactionState());
        emit finished();
    });
}

void SqlConsoleTab::showClosed(const QList<SqlClosedCursor> &closed, bool idle)
{
    const QLocale locale;
    for (const SqlClosedCursor &c : closed) {
        SqlResultModel *model = m_results->modelOf(c.cursor);
        if (!model)
            continue;
        model->appendPage(c.rest);
        const QString where = model->resultSet().start.toString();
        if (c.rest.done) {
            message(tr("%1: all %2 rows read; its cursor is closed.")
                        .arg(where, locale.toString(model->rowCount())));
            continue;
        }
        model->endRows();
        message((idle ? tr("%1: the result was idle for %2, so its cursor closed after the first "
                           "%3 rows and its read transaction ended (it held its tables' locks); "
                           "run the statement again for the rest.")
                            .arg(where, ActivityAge::text(m_monitor->idleCloseMs()),
                                 locale.toString(model->rowCount()))
                      : tr("%1: the cursor closed after the first %2 rows; run the statement "
                           "again for the rest.")
                            .arg(where, locale.toString(model->rowCount()))));
    }
}

void SqlConsoleTab::heldAfter(const SqlTransactionState &state)
{
    m_inTransaction = state.open && !state.runnersRead;
    m_transactionFailed = state.failed;
    m_monitor->setState(state);
    updateActions();
}

void SqlConsoleTab::showTransactionLine()
{
    const QString text = m_monitor->text();
    m_transactionLine->setText(text);
    m_transactionLine->setToolTip(text);
    m_transactionLine->setVisible(!text.isEmpty());
    QPalette p = palette();
    switch (m_monitor->level()) {
    case SqlTransactionMonitor::Level::Blocking:
        p.setColor(QPalette::WindowText, StateStyle::danger());
        break;
    case SqlTransactionMonitor::Level::Warning:
        p.setColor(QPalette::WindowText, StateStyle::warning());
        break;
    default:
        break;
    }
    m_transactionLine->setPalette(p);
    m_closeResults->setEnabled(m_session->isReady() && !m_monitor->state().cursors.isEmpty());
}

QString SqlConsoleTab::transactionText() const
{
    return m_transactionLine->text();
}

void SqlConsoleTab::updateActions()
{
    const bool ready = m_session->isReady();
    m_run->setEnabled(ready);
    m_runScript->setEnabled(ready);
    m_explain->setEnabled(ready);
    m_cancel->setEnabled(m_session->isBusy());
    m_commit->setEnabled(ready && m_inTransaction && !m_transactionFailed);
    m_rollback->setEnabled(ready && m_inTransaction);
    m_closeResults->setEnabled(ready && !m_monitor->state().cursors.isEmpty());
    m_export->setEnabled(ready);
    m_history->setEnabled(m_session->spec().has_value());
    m_autocommit->setEnabled(!m_inTransaction);
}

QString SqlConsoleTab::statusText() const
{
    return m_status->text();
}

void SqlConsoleTab::message(const QString &text)
{
    m_results->message(text);
}

void SqlConsoleTab::explain()
{
    m_explainer->explain(m_analyze->isChecked());
}

void SqlConsoleTab::exportCsv()
{
    SqlResultModel *model = m_results->currentModel();
    if (!model || !m_session->isReady())
        return;
    const QByteArray statement = model->resultSet().statement.toUtf8();
    if (!StatementClass::of(statement).cursorable) { // the job checks again, with the guards
        message(tr("Only the rows of a plain SELECT can be exported."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("result.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    message(tr("Exporting every row of %1 (the statement runs again)…")
                .arg(model->resultSet().start.toString()));
    auto *job = new SqlCsvExportJob(statement, path);
    m_session->post(job, [this, job](bool) {
        message(job->summary());
        emit finished();
    });
}

void SqlConsoleTab::showHistory()
{
    const std::optional<SessionSpec> &spec = m_session->spec();
    if (!spec)
        return;
    SqlHistoryDialog dialog(SqlHistory(spec->profile.name), this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenSql().isEmpty())
        m_editor->setText(dialog.chosenSql());
}

void SqlConsoleTab::remember(const QString &sql, bool ok, double ms, const QString &outcome)
{
    const std::optional<SessionSpec> &spec = m_session->spec();
    if (!spec || sql.isEmpty())
        return;
    SqlHistoryEntry e;
    e.at = QDateTime::currentDateTimeUtc();
    e.database = spec->profile.database;
    e.sql = sql;
    e.ok = ok;
    e.durationMs = ms;
    e.outcome = outcome;
    QString error;
    if (!SqlHistory(spec->profile.name).append(e, &error))
        message(tr("The history was not saved: %1").arg(error));
}

} // namespace uaip
