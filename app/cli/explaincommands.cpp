#include "explaincommands.h"

#include "clicontext.h"
#include "explain/explainrunner.h"
#include "explain/explainsummary.h"
#include "sqlcliinput.h"
#include "sqlcliinterrupt.h"
#include "sqlconsole/readinglogins.h"
#include "sqlconsole/sqlscript.h"
#include "sqlparse/textposition.h"

#include <QJsonDocument>
#include <QTextStream>

namespace uaip {

namespace {

// An error of the statement at its place in the input, "where:line:col: <error>", with path,
// line and column: the server's position in the statement where it gave one, else the
// statement's start.
Error placed(const Error &error, const SqlCliInput &in, const SqlStatement &statement)
{
    const int position = error.server() ? error.server()->statementPosition : 0;
    TextPosition at = statement.start;
    if (position > 0)
        at = TextPosition::fromOffset(in.text, SqlScript::offsetOf(statement, position));
    return error.in(in.where + u':' + at.toString())
        .with(QStringLiteral("path"), in.where)
        .with(QStringLiteral("line"), at.line)
        .with(QStringLiteral("column"), at.column);
}

// The failure came from the signal: the command cancelled (57014), or cut off when the server
// did not answer the cancel.
bool endedByInterrupt(const SqlCliInterrupt &interrupt, const Error &failure)
{
    return interrupt.interrupted()
        && (failure.sqlState() == u"57014" || failure.code() == ErrorCode::Connection);
}

} // namespace

int ExplainCommands::run(CliContext &ctx)
{
    int rc = 0;
    const std::optional<SqlCliInput> in = SqlCliInput::read(ctx, QStringLiteral("explain"), &rc);
    if (!in)
        return rc;
    const SqlScript script(in->text);
    if (script.error())
        return ctx.fail(2, in->syntaxError(*script.error()));
    if (script.statements().size() != 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("explain takes one statement; %1 has %n", nullptr,
                                 int(script.statements().size()))
                                  .arg(in->where),
                              {{QStringLiteral("path"), in->where}}));
    const SqlStatement &statement = script.statements().first();

    PgConnection *connection = ctx.connect();
    if (!connection)
        return 2; // reported by connect()
    ExplainOptions options;
    options.analyze = ctx.parser().isSet(QStringLiteral("analyze"));
    options.guard = SqlCliInput::guard(ctx, connection->database(), &options.confirmedDatabase);
    ReadingLogins readers; // a guarded explain's session: the reader login's where needed
    options.readers = &readers;
    std::optional<SqlRunError> stop;
    std::optional<Result<ExplainResult>> result;
    bool interrupted = false;
    {
        // SIGINT/SIGTERM: the running statement is cancelled at the server (and rolled back)
        SqlCliInterrupt interrupt(*connection, readers);
        stop = ExplainRunner::check(*connection, statement.text, options);
        if (!stop)
            result = ExplainRunner::explain(*connection, statement.text, options);
        Error failure;
        if (stop)
            failure = stop->error;
        else if (!*result)
            failure = result->error();
        interrupted = endedByInterrupt(interrupt, failure);
    }
    if (interrupted)
        return ctx.fail(SqlCliInterrupt::kExitCode,
                        SqlCliInterrupt::cancelled(in->where, statement.start));
    if (stop)
        return ctx.fail(stop->fromServer() ? 1 : 2, placed(stop->error, *in, statement));
    if (!*result)
        return ctx.fail(1, placed(result->error(), *in, statement));
    if (ctx.out().json()) {
        QJsonObject doc = ExplainSummary::json(result->value());
        doc[u"command"] = QStringLiteral("explain");
        doc[u"ok"] = true;
        ctx.out().document(doc);
    } else {
        QTextStream(ctx.out().outDevice()) << ExplainSummary::text(result->value());
    }
    return 0;
}

} // namespace uaip
