#include "explaincommands.h"

#include "clicontext.h"
#include "explain/explainrunner.h"
#include "explain/explainsummary.h"
#include "migrate/textposition.h"
#include "sqlconsole/sqlscript.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace uaip {

int ExplainCommands::run(CliContext &ctx)
{
    const QCommandLineParser &p = ctx.parser();
    if (!ctx.args().isEmpty())
        return ctx.fail(2,
                        tr("unexpected argument \"%1\" for \"explain\"").arg(ctx.args().first()));
    const bool inlineSql = p.isSet(QStringLiteral("sql"));
    const bool fromFile = p.isSet(QStringLiteral("file"));
    if (inlineSql == fromFile)
        return ctx.fail(2, tr("explain needs the statement: -c SQL or -f FILE (one of them)"));
    QByteArray text;
    QString where = QStringLiteral("-c");
    if (inlineSql) {
        text = p.value(QStringLiteral("sql")).toUtf8();
    } else {
        where = p.value(QStringLiteral("file"));
        QFile f(where);
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(2, tr("cannot read %1: %2").arg(where, f.errorString()));
        text = f.readAll();
    }
    const SqlScript script(text);
    if (script.error())
        return ctx.fail(2, where + u':' + script.error()->toString());
    if (script.statements().size() != 1)
        return ctx.fail(
            2,
            tr("explain takes one statement; %1 has %n", nullptr, int(script.statements().size()))
                .arg(where));
    const SqlStatement &statement = script.statements().first();

    PgConnection *connection = ctx.connect();
    if (!connection)
        return 2; // reported by connect()
    ExplainOptions options;
    options.analyze = p.isSet(QStringLiteral("analyze"));
    DbResult<ExplainResult> result = ExplainRunner::explain(*connection, statement.text, options);
    if (!result) {
        const PgError &e = result.error();
        TextPosition at = statement.start;
        if (e.statementPosition > 0)
            at = TextPosition::fromOffset(text,
                                          SqlScript::offsetOf(statement, e.statementPosition));
        return ctx.fail(1, where + u':' + at.toString() + QStringLiteral(": ") + e.toString());
    }
    if (ctx.out().json()) {
        QJsonObject doc = ExplainSummary::json(result.value());
        doc[u"command"] = QStringLiteral("explain");
        doc[u"ok"] = true;
        ctx.out().document(doc);
    } else {
        QTextStream(stdout) << ExplainSummary::text(result.value());
    }
    return 0;
}

} // namespace uaip
