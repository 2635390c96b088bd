// SqlConsoleTab's Explain, CSV export and history (the rest in sqlconsoletab.cpp).
#include "sqlconsoletab.h"

#include "db/session.h"
#include "explain/explainrunner.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "planhistoryview.h"
#include "planview.h"
#include "sqlconsole/sqlcsvexportjob.h"
#include "sqlconsole/sqlhistory.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqleditor.h"
#include "sqlhistorydialog.h"
#include "sqlresultmodel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTableView>

namespace uaip {

void SqlConsoleTab::explain()
{
    if (!m_worker || m_busy)
        return;
    const QByteArray text = m_editor->utf8Text();
    int from = 0;
    int to = int(text.size());
    const bool selection = m_editor->selectionOffsets(&from, &to);
    const SqlScript script = selection ? SqlScript(text, from, to) : SqlScript(text);
    if (script.error()) {
        m_editor->markError(script.error()->position.line, script.error()->position.column);
        message(script.error()->toString());
        return;
    }
    std::optional<SqlStatement> st = selection && script.statements().size() == 1
        ? std::optional<SqlStatement>(script.statements().first())
        : selection ? std::nullopt
                    : script.statementAt(m_editor->cursorOffset());
    if (!st) {
        message(tr("Explain needs one statement: select one, or put the cursor in it."));
        m_results->setCurrentWidget(m_messages);
        return;
    }
    m_editor->cancelList();
    m_editor->clearError();
    ExplainOptions options;
    options.analyze = m_analyze->isChecked();
    if (m_spec) {
        options.guard.production = m_spec->profile.production;
        options.guard.readOnly = m_spec->profile.readOnly;
        options.guard.database = m_spec->profile.database;
    }
    runExplain(*st, text, options);
}

void SqlConsoleTab::runExplain(const SqlStatement &statement, const QByteArray &text,
                               const ExplainOptions &options)
{
    m_status->setText(tr("Explaining %1…").arg(statement.start.toString()));
    const QPointer<SqlConsoleTab> self(this);
    const int generation = m_generation;
    auto *job = new FunctionJob(
        tr("Explain"),
        [self, statement, options, text, generation](JobContext &context, QString *summary) {
            DbResult<Session *> session = context.session();
            if (!session) {
                *summary = session.error().toString();
                return false;
            }
            ExplainOptions guarded = options;
            guarded.guard.database = session.value()->identity().database;
            if (std::optional<SqlRunError> stop
                = ExplainRunner::check(session.value()->pg(), statement.text, guarded);
                stop && stop->kind == SqlRunError::Kind::NeedsConfirmation) {
                *summary = stop->error.message;
                Job::reply(self, [self, statement, text, guarded, generation, stop = *stop] {
                    if (!self || generation != self->m_generation)
                        return;
                    const QString typed
                        = self->m_askName(self, guarded.guard.database, stop.error.message);
                    if (typed.isEmpty()) {
                        self->m_status->setText(stop.error.message.section(u'\n', 0, 0));
                        self->message(statement.start.toString() + QStringLiteral(": ")
                                      + stop.error.message);
                        return;
                    }
                    ExplainOptions again = guarded;
                    again.confirmedDatabase = typed;
                    // after this job's finished() has released the tab
                    QMetaObject::invokeMethod(
                        self,
                        [self, statement, text, again] {
                            if (self)
                                self->runExplain(statement, text, again);
                        },
                        Qt::QueuedConnection);
                });
                return false;
            }
            DbResult<ExplainResult> r
                = ExplainRunner::explain(session.value()->pg(), statement.text, guarded);
            const bool ok = r.ok();
            *summary = ok ? tr("plan of %1").arg(statement.start.toString()) : r.error().toString();
            Job::reply(self, [self, r = std::move(r), statement, text, generation] {
                if (!self || generation != self->m_generation)
                    return;
                if (r.ok()) {
                    PlanHistoryEntry entry;
                    entry.at = QDateTime::currentDateTime();
                    entry.statement = statement.text;
                    entry.scriptOffset = statement.offset;
                    entry.start = statement.start;
                    entry.result = r.value();
                    self->m_status->setText(
                        r.value().analyzed
                            ? tr("Plan of %1 (ANALYZE ran it in a transaction that was rolled "
                                 "back)")
                                  .arg(statement.start.toString())
                            : tr("Plan of %1").arg(statement.start.toString()));
                    self->showPlan(entry);
                    return;
                }
                const TextPosition at = TextPosition::fromOffset(
                    text, SqlScript::offsetOf(statement, r.error().statementPosition));
                self->m_editor->markError(at.line, at.column);
                const QString line = at.toString() + QStringLiteral(": ") + r.error().toString();
                self->message(line);
                self->m_status->setText(line.section(u'\n', 0, 0));
                self->m_results->setCurrentWidget(self->m_messages);
            });
            return ok;
        });
    connect(job, &Job::finished, this, [this, generation] {
        if (generation != m_generation)
            return;
        setBusy(false);
        emit finished();
    });
    post(job);
}

void SqlConsoleTab::showPlan(const PlanHistoryEntry &entry)
{
    m_plans->addPlan(entry);
    m_results->setCurrentWidget(m_plans);
    emit planShown();
}

void SqlConsoleTab::exportCsv()
{
    auto *view = qobject_cast<QTableView *>(m_results->currentWidget());
    auto *model = view ? qobject_cast<SqlResultModel *>(view->model()) : nullptr;
    if (!model || !m_worker || m_busy)
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
    const int generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return;
        setBusy(false);
        message(job->summary());
        emit finished();
    });
    post(job);
}

void SqlConsoleTab::showHistory()
{
    if (!m_spec)
        return;
    SqlHistoryDialog dialog(SqlHistory(m_spec->profile.name), this);
    if (dialog.exec() == QDialog::Accepted && !dialog.chosenSql().isEmpty())
        m_editor->setText(dialog.chosenSql());
}

void SqlConsoleTab::remember(const QString &sql, bool ok, double ms, const QString &outcome)
{
    if (!m_spec || sql.isEmpty())
        return;
    SqlHistoryEntry e;
    e.at = QDateTime::currentDateTimeUtc();
    e.database = m_spec->profile.database;
    e.sql = sql;
    e.ok = ok;
    e.durationMs = ms;
    e.outcome = outcome;
    QString error;
    if (!SqlHistory(m_spec->profile.name).append(e, &error))
        message(tr("The history was not saved: %1").arg(error));
}

} // namespace uaip
