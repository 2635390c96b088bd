#include "sqlcliinput.h"

#include "clicontext.h"
#include "sqlparse/sqlsyntaxerror.h"

#include <QFile>

namespace uaip {

std::optional<SqlCliInput> SqlCliInput::read(CliContext &ctx, const QString &command, int *exitCode)
{
    const QCommandLineParser &p = ctx.parser();
    if (!ctx.args().isEmpty()) {
        *exitCode = ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("unexpected argument \"%1\" for \"%2\"").arg(ctx.args().first(), command),
                  {{QStringLiteral("argument"), ctx.args().first()}}));
        return std::nullopt;
    }
    const bool inlineSql = p.isSet(QStringLiteral("sql"));
    const bool fromFile = p.isSet(QStringLiteral("file"));
    if (inlineSql == fromFile) {
        *exitCode
            = ctx.fail(2,
                       Error(ErrorCode::BadInput,
                             tr("%1 needs the SQL: -c SQL or -f FILE (one of them)").arg(command)));
        return std::nullopt;
    }
    SqlCliInput in;
    in.where = QStringLiteral("-c");
    if (inlineSql) {
        in.text = p.value(QStringLiteral("sql")).toUtf8();
    } else {
        in.where = p.value(QStringLiteral("file"));
        QFile f(in.where);
        if (!f.open(QIODevice::ReadOnly)) {
            *exitCode
                = ctx.fail(2,
                           CliContext::fileError(
                               in.where, tr("cannot read %1: %2").arg(in.where, f.errorString())));
            return std::nullopt;
        }
        in.text = f.readAll();
    }
    return in;
}

Error SqlCliInput::syntaxError(const SqlSyntaxError &error) const
{
    return Error(ErrorCode::BadInput, where + u':' + error.toString(),
                 {{QStringLiteral("path"), where},
                  {QStringLiteral("line"), error.position.line},
                  {QStringLiteral("column"), error.position.column}});
}

SqlGuard SqlCliInput::guard(CliContext &ctx, const QString &database, QString *confirmed)
{
    SqlGuard g;
    // also a connection kept read-only: its options asked for it (CliContext::connect)
    g.readOnly = ctx.parser().isSet(QStringLiteral("read-only")) || ctx.connect()->keptReadOnly();
    g.production = ctx.parser().isSet(QStringLiteral("production"));
    g.database = database;
    *confirmed = ctx.parser().value(QStringLiteral("confirm"));
    return g;
}

} // namespace uaip
