#include "sqlconsoletab.h"

#include "db/session.h"
#include "explain/explainrunner.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "planhistoryview.h"
#include "plansqllink.h"
#include "planview.h"
#include "sqlconsole/sqlcsvexportjob.h"
#include "sqlconsole/sqlhistory.h"
#include "sqlconsole/sqlrunjob.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqleditor.h"
#include "sqlhistorydialog.h"
#include "sqlresultgrid.h"
#include "sqlresultmodel.h"
#include "widgets/elidinglabel.h"

#include <QAction>
#include <QCheckBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

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
    , m_askName(askName)
    , m_editor(new SqlEditor(this))
    , m_toolbar(new QToolBar(this))
    , m_results(new QTabWidget(this))
    , m_plans(new PlanHistoryView(this))
    , m_messages(new QPlainTextEdit(this))
    , m_status(new ElidingLabel(this))
    , m_planLink(new QLabel(this))
    , m_autocommit(new QCheckBox(tr("Autocommit"), this))
    , m_analyze(new QCheckBox(tr("Analyze"), this))
    , m_timeout(new QSpinBox(this))
{
    setObjectName(QStringLiteral("sqlConsoleTab"));
    m_messages->setObjectName(QStringLiteral("sqlMessages"));
    m_messages->setReadOnly(true);
    m_messages->setFont(m_editor->font());
    m_results->setObjectName(QStringLiteral("sqlResults"));
    m_results->addTab(m_plans, tr("Plan"));
    m_results->addTab(m_messages, tr("Messages"));
    m_autocommit->setToolTip(tr("On: each statement commits on its own. Off: the work stays in "
                                "a transaction until Commit or Roll back."));
    m_analyze->setToolTip(tr("EXPLAIN ANALYZE: run the statement and measure every node "
                             "(never for a statement that writes)."));
    m_timeout->setRange(0, 86400);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("no timeout"));
    m_timeout->setToolTip(tr("Statement timeout of this tab"));
    buildActions();

    m_link = new PlanSqlLink(m_plans, m_editor, m_planLink, this);
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
    layout->addWidget(m_status);
    // A long outcome (a refusal names the statement, the function and the database) never
    // widens the window: elided where it does not fit, whole in the tool tip (ElidingLabel).
    updateActions();
}

SqlConsoleTab::~SqlConsoleTab()
{
    delete m_worker; // cancels what runs; never waits
}

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
    ++m_generation;
    delete m_worker;
    m_worker = nullptr;
    m_running = nullptr;
    m_busy = false;
    m_inTransaction = false;
    m_transactionFailed = false;
    m_spec = spec;
    m_runner = std::make_shared<SqlRunner>();
    if (spec) {
        m_worker = new SessionWorker(spec->withPurpose(QStringLiteral("sql")),
                                     QStringLiteral("sql"), this);
        // Production: an explicit transaction, and plans without running the statement.
        m_autocommit->setChecked(!spec->profile.production);
        m_analyze->setChecked(!spec->profile.production);
    }
    for (SqlResultModel *m : std::as_const(m_models))
        m->endRows();
    updateActions();
}

void SqlConsoleTab::setCompletionNames(const QStringList &names)
{
    m_editor->setCompletionNames(names);
}

PlanView *SqlConsoleTab::planView() const
{
    return m_plans->plan();
}

SqlResultModel *SqlConsoleTab::resultModel(int i) const
{
    return m_models.value(i);
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
    if (!m_worker || m_busy || request.statements.isEmpty())
        return;
    m_editor->clearError();
    request.autocommit = m_autocommit->isChecked();
    request.statementTimeoutMs = m_timeout->value() * 1000;
    request.pageSize = kPageSize;
    m_status->setText(tr("Running…"));
    auto *job = SqlRunJob::run(m_runner, request);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, request, generation] {
        if (generation != m_generation)
            return;
        const SqlRunResult result = job->result();
        setBusy(false);
        showRun(request, result);
        if (result.error && result.error->kind == SqlRunError::Kind::NeedsConfirmation
            && request.confirmedDatabase.isEmpty() && m_spec) {
            const QString typed
                = m_askName(this, m_spec->profile.database, result.error->error.message);
            if (!typed.isEmpty()) {
                SqlRunRequest again = request;
                again.confirmedDatabase = typed;
                run(again);
                return;
            }
        }
        emit finished();
    });
    post(job);
}

void SqlConsoleTab::showRun(const SqlRunRequest &request, const SqlRunResult &result)
{
    // The earlier result sets go (the Plan and Messages tabs stay, last).
    while (m_results->count() > 2) {
        QWidget *w = m_results->widget(0);
        m_results->removeTab(0);
        delete w;
    }
    m_models.clear();
    const QLocale locale;
    int inserted = 0;
    for (const SqlResultSet &set : result.results) {
        QString line = QStringLiteral("%1  %2").arg(set.start.toString(), set.commandTag);
        if (set.hasRows) {
            auto *model = new SqlResultModel(set);
            auto *view = new SqlResultGrid(model, m_results);
            view->resizeColumnsToContents();
            const QPointer<SqlResultModel> guard(model);
            connect(model, &SqlResultModel::moreRowsWanted, this,
                    [this, guard](const QByteArray &cursor) {
                        if (guard)
                            fetchMore(guard, cursor);
                    });
            m_models.append(model);
            m_results->insertTab(inserted, view, tr("Result %1").arg(inserted + 1));
            ++inserted;
            line += QStringLiteral("  ")
                + (set.cursor.isEmpty()
                       ? tr("%n row(s)", nullptr, int(set.rows.size()))
                       : tr("first %n row(s), more as you scroll", nullptr, int(set.rows.size())));
            if (set.cutShort)
                line += QStringLiteral("  ")
                    + tr("(only the first page: a later statement ended the read transaction)");
        } else if (set.affectedRows >= 0) {
            line += QStringLiteral("  ") + tr("%n row(s) affected", nullptr, int(set.affectedRows));
        }
        line += QStringLiteral("  ") + tr("%1 ms").arg(locale.toString(set.durationMs, 'f', 1));
        message(line);
    }
    for (const QString &notice : result.notices)
        message(notice.trimmed());
    QString outcome;
    if (result.error) {
        const SqlRunError &e = *result.error;
        message(e.toString());
        if (e.statementIndex >= 0)
            m_editor->markError(e.position.line, e.position.column);
        outcome = e.error.message.section(u'\n', 0, 0);
        if (result.cancelled)
            outcome = tr("cancelled");
        m_results->setCurrentWidget(m_messages);
    } else {
        outcome = tr("%n statement(s)", nullptr, int(result.results.size()));
        m_results->setCurrentIndex(inserted > 0 ? 0 : m_results->indexOf(m_messages));
    }
    m_inTransaction = result.inTransaction;
    m_transactionFailed = result.transactionFailed;
    m_status->setText(
        (result.error ? outcome
                      : tr("%1 in %2 ms").arg(outcome, locale.toString(result.durationMs, 'f', 1)))
        + (m_inTransaction ? QStringLiteral("  —  ")
                   + (result.transactionFailed ? tr("the transaction failed: roll it back")
                                               : tr("in a transaction: commit or roll back"))
                           : QString())
        + (result.readTransactionOpen ? QStringLiteral("  —  ")
                   + tr("rows are read in an open read transaction (it holds its table locks) "
                        "until all are read or the next run")
                                      : QString()));
    QString sql;
    for (const SqlStatement &st : request.statements)
        sql += QString::fromUtf8(st.text) + QStringLiteral(";\n");
    remember(sql.trimmed(), !result.error, result.durationMs, outcome);
    updateActions();
}

void SqlConsoleTab::fetchMore(SqlResultModel *model, const QByteArray &cursor)
{
    if (!m_worker || m_busy) {
        model->appendPage(SqlPage()); // not now: the grid asks again as it scrolls
        return;
    }
    auto *job = SqlRunJob::fetch(m_runner, cursor, kPageSize);
    const QPointer<SqlResultModel> guard(model);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, guard, generation](bool ok) {
        if (generation != m_generation)
            return;
        setBusy(false);
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
    post(job);
}

void SqlConsoleTab::cancel()
{
    if (m_running)
        m_running->cancel();
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
    if (!m_worker || m_busy)
        return;
    auto *job = commitIt ? SqlRunJob::commit(m_runner) : SqlRunJob::rollback(m_runner);
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok) {
        if (generation != m_generation)
            return;
        setBusy(false);
        message(job->summary());
        if (ok) {
            m_inTransaction = false;
            m_transactionFailed = false;
            m_status->setText(job->summary());
        }
        for (SqlResultModel *m : std::as_const(m_models))
            m->endRows(); // their cursors ended with the transaction
        updateActions();
        emit finished();
    });
    post(job);
}

void SqlConsoleTab::post(Job *job)
{
    m_running = job;
    connect(job, &QObject::destroyed, this, [this, job] {
        if (m_running == job)
            m_running = nullptr;
    });
    setBusy(true);
    emit jobStarted(job);
    m_worker->post(job);
}

void SqlConsoleTab::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void SqlConsoleTab::updateActions()
{
    const bool ready = m_worker && !m_busy;
    m_run->setEnabled(ready);
    m_runScript->setEnabled(ready);
    m_explain->setEnabled(ready);
    m_cancel->setEnabled(m_busy);
    m_commit->setEnabled(ready && m_inTransaction && !m_transactionFailed);
    m_rollback->setEnabled(ready && m_inTransaction);
    m_export->setEnabled(ready);
    m_history->setEnabled(m_spec.has_value());
    m_autocommit->setEnabled(!m_inTransaction);
}

QString SqlConsoleTab::statusText() const
{
    return m_status->text();
}

void SqlConsoleTab::message(const QString &text)
{
    m_messages->appendPlainText(text);
}

} // namespace uaip
