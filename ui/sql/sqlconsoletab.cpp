#include "sqlconsoletab.h"

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
#include <QVBoxLayout>

#include <utility>

namespace uaip {

namespace {

constexpr int kPageSize = 500;

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
    , m_results(new SqlResultTabs(this))
    , m_status(new ElidingLabel(this))
    , m_planLink(new QLabel(this))
    , m_transaction(new SqlTabTransaction(m_session, m_results, this))
    , m_toolbar(new SqlTabToolBar(this))
{
    setObjectName(QStringLiteral("sqlConsoleTab"));
    m_results->messages()->setFont(m_editor->font());
    connectActions();
    connect(m_session, &SqlTabSession::busyChanged, this, &SqlConsoleTab::updateActions);
    connect(m_session, &SqlTabSession::jobStarted, this, &SqlConsoleTab::jobStarted);
    connect(m_results, &SqlResultTabs::moreRowsWanted, this, &SqlConsoleTab::fetchMore);
    connect(m_transaction, &SqlTabTransaction::changed, this, &SqlConsoleTab::updateActions);
    connect(m_transaction, &SqlTabTransaction::status, m_status, &QLabel::setText);
    connect(m_transaction, &SqlTabTransaction::finished, this, &SqlConsoleTab::finished);

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
    layout->addWidget(m_transaction->line());
    layout->addWidget(m_status);
    // A long outcome (a refusal names the statement, the function and the database) never
    // widens the window: elided where it does not fit, whole in the tool tip (ElidingLabel).
    updateActions();
}

SqlConsoleTab::~SqlConsoleTab() = default;

void SqlConsoleTab::connectActions()
{
    connect(m_toolbar->run, &QAction::triggered, this, &SqlConsoleTab::runSelectionOrStatement);
    connect(m_toolbar->runScript, &QAction::triggered, this, &SqlConsoleTab::runScript);
    connect(m_toolbar->explain, &QAction::triggered, this, &SqlConsoleTab::explain);
    connect(m_toolbar->cancel, &QAction::triggered, this, &SqlConsoleTab::cancel);
    connect(m_toolbar->commit, &QAction::triggered, this, &SqlConsoleTab::commit);
    connect(m_toolbar->rollback, &QAction::triggered, this, &SqlConsoleTab::rollback);
    connect(m_toolbar->closeResults, &QAction::triggered, this, &SqlConsoleTab::closeResults);
    connect(m_toolbar->exportCsv, &QAction::triggered, this, &SqlConsoleTab::exportCsv);
    connect(m_toolbar->history, &QAction::triggered, this, &SqlConsoleTab::showHistory);
}

void SqlConsoleTab::setTarget(const std::optional<SessionSpec> &spec)
{
    m_session->setTarget(spec);
    m_transaction->reset();
    if (spec) {
        // Production: an explicit transaction, and plans without running the statement.
        m_toolbar->autocommit->setChecked(!spec->profile.production);
        m_toolbar->analyze->setChecked(!spec->profile.production);
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
        if (!runnable(script))
            return;
        SqlRunRequest request;
        request.script = text;
        request.statements = script.statements();
        request.syntaxError = script.error();
        return run(request);
    }
    const SqlScript script(text);
    if (!runnable(script))
        return;
    const std::optional<SqlStatement> st = script.statementAt(m_editor->cursorOffset());
    if (!st)
        return;
    SqlRunRequest request;
    request.script = text;
    request.statements = {*st};
    request.syntaxError = script.error();
    run(request);
}

void SqlConsoleTab::runScript()
{
    m_editor->cancelList();
    const QByteArray text = m_editor->utf8Text();
    const SqlScript script(text);
    if (!runnable(script))
        return;
    SqlRunRequest request;
    request.script = text;
    request.statements = script.statements();
    request.syntaxError = script.error();
    run(request);
}

bool SqlConsoleTab::runnable(const SqlScript &script)
{
    // a text the parser refused still runs where the server's syntax is newer than the parser's
    // (the run stops at the error elsewhere: SqlRunGate); one not even the scanner splits not
    if (script.runnable())
        return true;
    m_editor->markError(script.error()->position.line, script.error()->position.column);
    message(script.error()->toString());
    return false;
}

void SqlConsoleTab::run(SqlRunRequest request)
{
    if (!m_session->isReady() || request.statements.isEmpty())
        return;
    m_editor->clearError();
    request.autocommit = m_toolbar->autocommit->isChecked();
    request.statementTimeoutMs = m_toolbar->timeout->value() * 1000;
    request.pageSize = kPageSize;
    m_status->setText(tr("Running…"));
    auto *job = SqlRunJob::run(m_session->runner(), request);
    m_session->post(job, [this, job, request](bool) {
        const SqlRunResult result = job->result();
        showRun(request, result);
        m_transaction->heldAfter(job->transactionState());
        const std::optional<SessionSpec> &spec = m_session->spec();
        if (result.error && result.error->error.code() == ErrorCode::NeedsConfirmation
            && request.confirmedDatabase.isEmpty() && spec) {
            const QString typed
                = m_askName(this, spec->profile.database, result.error->error.toString());
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
        outcome = e.error.toString().section(u'\n', 0, 0);
        if (result.cancelled)
            outcome = tr("cancelled");
        m_results->showMessages();
    } else {
        outcome = tr("%n statement(s)", nullptr, int(result.results.size()));
        if (!result.readAs.isEmpty()) // the reader login ran them (ReadingLogins)
            outcome = tr("%1, read as %2").arg(outcome, result.readAs);
        m_results->showFirstResult();
    }
    m_transaction->setOutcome(result.inTransaction, result.transactionFailed);
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
        m_transaction->heldAfter(job->transactionState());
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

QString SqlConsoleTab::transactionText() const
{
    return m_transaction->line()->text();
}

void SqlConsoleTab::updateActions()
{
    m_toolbar->setState({.ready = m_session->isReady(),
                         .busy = m_session->isBusy(),
                         .inTransaction = m_transaction->inTransaction(),
                         .transactionFailed = m_transaction->failed(),
                         .cursors = !m_transaction->monitor()->state().cursors.isEmpty(),
                         .target = m_session->spec().has_value()});
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
    m_explainer->explain(m_toolbar->analyze->isChecked());
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
    auto *job = new SqlCsvExportJob(statement, path, m_session->runner());
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
    if (const int secrets = SqlHistory::withoutSecrets(&e); secrets > 0) {
        if (e.outcome.isEmpty())
            e.outcome = tr("failed (the server's message is not kept: it may quote a secret)");
        message(
            tr("The history keeps this run without its secrets (%n removed).", nullptr, secrets));
    }
    if (const Status saved = SqlHistory(spec->profile.name).append(e); !saved)
        message(tr("The history was not saved: %1").arg(saved.error().toString()));
}

} // namespace uaip
