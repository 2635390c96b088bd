#include "serversyntaxcheck.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/transaction.h"
#include "sqlparse/textposition.h"

namespace uaip {

namespace {

constexpr auto kSyntaxError = "42601";

// A dollar-quote tag the statement does not hold.
QByteArray tagFor(const QByteArray &statement)
{
    for (int n = 0;; ++n) {
        const QByteArray tag = "$uaip_syntax_" + QByteArray::number(n) + '$';
        if (!statement.contains(tag))
            return tag;
    }
}

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
    const QByteArray tag = tagFor(statement);
    const QByteArray head = "CREATE FUNCTION pg_temp.uaip_syntax_check(anyelement) RETURNS void "
                            "LANGUAGE sql AS "
        + tag;
    TransactionOptions options;
    options.alwaysRollBack = true;
    options.savepointWhenNested = true;
    options.settings = {{QStringLiteral("check_function_bodies"), QStringLiteral("on")},
                        {QStringLiteral("lock_timeout"), QStringLiteral("2s")}};
    Transaction tx(connection);
    if (const Status begun = tx.begin(options); !begun)
        return begun.error();
    const PgResult r = connection.exec(head + statement + tag);
    tx.end();
    if (r.ok())
        return std::optional<SqlSyntaxError>();
    const PgError &e = r.error();
    if (e.sqlState != QLatin1String(kSyntaxError))
        return Error(r.error()).in(tr("the server's grammar could not be asked"));
    SqlSyntaxError out;
    out.message = e.message;
    const int inHead = int(QString::fromUtf8(head).size());
    const int at = e.statementPosition > inHead ? e.statementPosition - inHead : 1;
    out.offset = byteOfChar(statement, at);
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
