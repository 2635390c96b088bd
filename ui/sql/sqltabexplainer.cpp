#include "sqltabexplainer.h"

#include "db/session.h"
#include "explain/explainrunner.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "planhistoryentry.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "sqleditor.h"
#include "sqlresulttabs.h"
#include "sqltabsession.h"

#include <QLabel>
#include <QPointer>

namespace uaip {

SqlTabExplainer::SqlTabExplainer(SqlTabSession *session, SqlEditor *editor, SqlResultTabs *results,
                                 QLabel *status, AskName askName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_editor(editor)
    , m_results(results)
    , m_status(status)
    , m_askName(std::move(askName))
{ }

void SqlTabExplainer::explain(bool analyze)
{
    if (!m_session->isReady())
        return;
    const QByteArray text = m_editor->utf8Text();
    int from = 0;
    int to = int(text.size());
    const bool selection = m_editor->selectionOffsets(&from, &to);
    const SqlScript script = selection ? SqlScript(text, from, to) : SqlScript(text);
    if (script.error()) {
        m_editor->markError(script.error()->position.line, script.error()->position.column);
        m_results->message(script.error()->toString());
        return;
    }
    std::optional<SqlStatement> st = selection && script.statements().size() == 1
        ? std::optional<SqlStatement>(script.statements().first())
        : selection ? std::nullopt
                    : script.statementAt(m_editor->cursorOffset());
    if (!st) {
        m_results->message(tr("Explain needs one statement: select one, or put the cursor in it."));
        m_results->showMessages();
        return;
    }
    m_editor->cancelList();
    m_editor->clearError();
    ExplainOptions options;
    options.analyze = analyze;
    if (const std::optional<SessionSpec> &spec = m_session->spec()) {
        options.guard.production = spec->profile.production;
        options.guard.readOnly = spec->profile.readOnly;
        options.guard.database = spec->profile.database;
    }
    runExplain(*st, text, options);
}

void SqlTabExplainer::runExplain(const SqlStatement &statement, const QByteArray &text,
                                 const ExplainOptions &options)
{
    m_status->setText(tr("Explaining %1…").arg(statement.start.toString()));
    const QPointer<SqlTabExplainer> self(this);
    const int generation = m_session->generation();
    auto *job = new FunctionJob(
        tr("Explain"),
        [self, statement, options, text, generation,
         runner = m_session->runner()](JobContext &context) -> Result<QString> {
            Result<Session *> session = context.session();
            if (!session)
                return session.error();
            ExplainOptions guarded = options;
            guarded.guard.database = session.value()->identity().database;
            // guarded, it runs where the tab's SQL runs (the reader login, its Cancel too)
            guarded.readers = &runner->readers();
            auto readerCancel = context.onCancel([runner] { runner->readers().cancelReader(); });
            if (std::optional<SqlRunError> stop
                = ExplainRunner::check(session.value()->pg(), statement.text, guarded);
                stop && stop->error.code() == ErrorCode::NeedsConfirmation) {
                Job::reply(self, [self, statement, text, guarded, generation, stop = *stop] {
                    if (self && generation == self->m_session->generation())
                        self->confirm(statement, text, guarded, stop);
                });
                return stop->error;
            }
            Result<ExplainResult> r
                = ExplainRunner::explain(session.value()->pg(), statement.text, guarded);
            Result<QString> done = r.ok()
                ? Result<QString>(tr("plan of %1").arg(statement.start.toString()))
                : Result<QString>(r.error());
            Job::reply(self, [self, r = std::move(r), statement, text, generation] {
                if (!self || generation != self->m_session->generation())
                    return;
                if (r.ok())
                    self->showPlan(statement, r.value());
                else
                    self->showError(statement, text, r.error());
            });
            return done;
        });
    m_session->post(job, [this](bool) { emit finished(); });
}

void SqlTabExplainer::confirm(const SqlStatement &statement, const QByteArray &text,
                              const ExplainOptions &guarded, const SqlRunError &stop)
{
    const QString typed = m_askName(guarded.guard.database, stop.error.toString());
    if (typed.isEmpty()) {
        m_status->setText(stop.error.toString().section(u'\n', 0, 0));
        m_results->message(statement.start.toString() + QStringLiteral(": ")
                           + stop.error.toString());
        return;
    }
    ExplainOptions again = guarded;
    again.confirmedDatabase = typed;
    // after this job's finished() has released the tab
    const QPointer<SqlTabExplainer> self(this);
    QMetaObject::invokeMethod(
        this,
        [self, statement, text, again] {
            if (self)
                self->runExplain(statement, text, again);
        },
        Qt::QueuedConnection);
}

void SqlTabExplainer::showPlan(const SqlStatement &statement, const ExplainResult &result)
{
    PlanHistoryEntry entry;
    entry.at = QDateTime::currentDateTime();
    entry.statement = statement.text;
    entry.scriptOffset = statement.offset;
    entry.start = statement.start;
    entry.result = result;
    m_status->setText(result.analyzed
                          ? tr("Plan of %1 (ANALYZE ran it in a transaction that was rolled "
                               "back)")
                                .arg(statement.start.toString())
                          : tr("Plan of %1").arg(statement.start.toString()));
    m_results->showPlan(entry);
    emit planShown();
}

void SqlTabExplainer::showError(const SqlStatement &statement, const QByteArray &text,
                                const Error &error)
{
    const int position = error.server() ? error.server()->statementPosition : 0;
    const TextPosition at
        = TextPosition::fromOffset(text, SqlScript::offsetOf(statement, position));
    m_editor->markError(at.line, at.column);
    const QString line = at.toString() + QStringLiteral(": ") + error.toString();
    m_results->message(line);
    m_status->setText(line.section(u'\n', 0, 0));
    m_results->showMessages();
}

} // namespace uaip
