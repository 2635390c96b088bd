#include "explaincommands.h"

#include "clicontext.h"
#include "explain/explainrunner.h"
#include "explain/explainsummary.h"
#include "sqlcliinput.h"
#include "sqlconsole/sqlscript.h"
#include "sqlparse/textposition.h"

#include <QJsonDocument>
#include <QTextStream>

namespace uaip {

int ExplainCommands::run(CliContext &ctx)
{
    int rc = 0;
    const std::optional<SqlCliInput> in = SqlCliInput::read(ctx, QStringLiteral("explain"), &rc);
    if (!in)
        return rc;
    const QByteArray &text = in->text;
    const QString &where = in->where;
    const SqlScript script(text);
    if (script.error())
        return ctx.fail(2, in->syntaxError(*script.error()));
    if (script.statements().size() != 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("explain takes one statement; %1 has %n", nullptr,
                                 int(script.statements().size()))
                                  .arg(where),
                              {{QStringLiteral("path"), where}}));
    const SqlStatement &statement = script.statements().first();

    PgConnection *connection = ctx.connect();
    if (!connection)
        return 2; // reported by connect()
    ExplainOptions options;
    options.analyze = ctx.parser().isSet(QStringLiteral("analyze"));
    options.guard = SqlCliInput::guard(ctx, connection->database(), &options.confirmedDatabase);
    if (std::optional<SqlRunError> stop
        = ExplainRunner::check(*connection, statement.text, options)) {
        TextPosition at = statement.start;
        return ctx.fail(stop->fromServer() ? 1 : 2,
                        stop->error.in(where + u':' + at.toString())
                            .with(QStringLiteral("path"), where)
                            .with(QStringLiteral("line"), at.line));
    }
    Result<ExplainResult> result = ExplainRunner::explain(*connection, statement.text, options);
    if (!result) {
        const Error &e = result.error();
        const int position = e.server() ? e.server()->statementPosition : 0;
        TextPosition at = statement.start;
        if (position > 0)
            at = TextPosition::fromOffset(text, SqlScript::offsetOf(statement, position));
        return ctx.fail(1,
                        e.in(where + u':' + at.toString())
                            .with(QStringLiteral("path"), where)
                            .with(QStringLiteral("line"), at.line));
    }
    if (ctx.out().json()) {
        QJsonObject doc = ExplainSummary::json(result.value());
        doc[u"command"] = QStringLiteral("explain");
        doc[u"ok"] = true;
        ctx.out().document(doc);
    } else {
        QTextStream(ctx.out().outDevice()) << ExplainSummary::text(result.value());
    }
    return 0;
}

} // namespace uaip
