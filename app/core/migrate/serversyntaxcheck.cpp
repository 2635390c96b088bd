#include "serversyntaxcheck.h"

#include "db/pgconnection.h"
#include "db/servergrammar.h"
#include "sqlparse/textposition.h"

#include <algorithm>

namespace uaip {

namespace {

// The byte offset in text of the 1-based character position chars (UTF-8).
int byteOfChar(const QByteArray &text, int chars)
{
    const QString prefix = QString::fromUtf8(text).left(std::max(chars - 1, 0));
    return int(prefix.toUtf8().size());
}

} // namespace

Result<std::optional<SqlSyntaxError>> ServerSyntaxCheck::check(PgConnection &connection,
                                                               const QByteArray &statement)
{
    const Result<std::optional<ServerGrammar::SyntaxError>> asked
        = ServerGrammar::check(connection, statement);
    if (!asked)
        return asked.error();
    if (!*asked)
        return std::optional<SqlSyntaxError>();
    SqlSyntaxError out;
    out.message = (*asked)->message;
    out.offset = byteOfChar(statement, (*asked)->position);
    out.position = TextPosition::fromOffset(statement, out.offset);
    return std::optional<SqlSyntaxError>(out);
}

Result<QList<ValidationProblem>>
ServerSyntaxCheck::plan(PgConnection &connection, const QList<MigrationStatus> &plan, bool up)
{
    QList<ValidationProblem> problems;
    for (const MigrationStatus &s : plan) {
        if (!s.migration)
            continue;
        const Result<QList<ValidationProblem>> found = script(connection, *s.migration, up);
        if (!found)
            return found.error();
        problems += found.value();
    }
    return problems;
}

Result<QList<ValidationProblem>> ServerSyntaxCheck::script(PgConnection &connection,
                                                           const Migration &m, bool up)
{
    QList<ValidationProblem> problems;
    const SqlSplitResult &split = up ? m.upSplit : m.downSplit;
    const QByteArray &file = up ? m.upSql : m.downSql;
    for (const UncheckedStatement &u : split.unchecked) {
        const SqlStatement &statement = split.statements.at(u.index);
        const Result<std::optional<SqlSyntaxError>> checked = check(connection, statement.text);
        if (!checked)
            return checked.error();
        if (!*checked)
            continue;
        const TextPosition at
            = TextPosition::fromOffset(file, statement.offset + (*checked)->offset);
        //: %1 the server's syntax error, %2 its major version
        problems << ValidationProblem{QStringLiteral("syntax"), up ? m.upPath() : m.downPath(),
                                      at.line, at.column,
                                      tr("%1 (the server's own grammar, PostgreSQL %2)")
                                          .arg((*checked)->message)
                                          .arg(connection.serverVersion() / 10000)};
    }
    return problems;
}

} // namespace uaip
