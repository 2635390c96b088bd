#include "sqlcommands.h"

#include "clicontext.h"
#include "sqlcliinput.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace uaip {

namespace {

constexpr int kPageSize = 10000;

QString cellText(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

void printAligned(QTextStream &out, const SqlResultSet &set)
{
    QList<int> widths;
    for (const QString &c : set.columns)
        widths.append(int(c.size()));
    for (const QVariantList &row : set.rows)
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(cellText(row.at(c)).size()));
    QStringList header;
    QStringList rule;
    for (int c = 0; c < set.columns.size(); ++c) {
        header.append(set.columns.at(c).leftJustified(widths.at(c)));
        rule.append(QString(widths.at(c), u'-'));
    }
    out << header.join(QStringLiteral(" | ")).trimmed() << '\n'
        << rule.join(QStringLiteral("-+-")) << '\n';
    for (const QVariantList &row : set.rows) {
        QStringList cells;
        for (int c = 0; c < row.size(); ++c)
            cells.append(cellText(row.at(c)).leftJustified(widths.value(c)));
        out << cells.join(QStringLiteral(" | ")).trimmed() << '\n';
    }
}

QJsonObject toJson(const SqlResultSet &set)
{
    QJsonObject o;
    o[u"at"] = set.start.toString();
    o[u"command"] = set.commandTag;
    if (set.affectedRows >= 0)
        o[u"affected_rows"] = set.affectedRows;
    if (set.cutShort)
        o[u"cut_short"] = true;
    if (set.hasRows) {
        o[u"columns"] = QJsonArray::fromStringList(set.columns);
        QJsonArray rows;
        for (const QVariantList &row : set.rows) {
            QJsonArray r;
            for (const QVariant &v : row)
                r.append(v.isNull() ? QJsonValue() : QJsonValue(v.toString()));
            rows.append(r);
        }
        o[u"rows"] = rows;
    }
    return o;
}

// The run's error said at its place in the input: "where:line:col: <error>".
Error whereIn(const SqlRunError &error, const QString &where)
{
    return error.error.in(where + u':' + error.position.toString())
        .with(QStringLiteral("path"), where)
        .with(QStringLiteral("line"), error.position.line)
        .with(QStringLiteral("column"), error.position.column);
}

} // namespace

int SqlCommands::run(CliContext &ctx)
{
    int rc = 0;
    const std::optional<SqlCliInput> in = SqlCliInput::read(ctx, QStringLiteral("sql"), &rc);
    if (!in)
        return rc;
    const SqlScript script(in->text);
    if (script.error())
        return ctx.fail(2, in->syntaxError(*script.error()));
    if (script.statements().isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("%1 holds no statement").arg(in->where),
                              {{QStringLiteral("path"), in->where}}));
    PgConnection *connection = ctx.connect();
    if (!connection)
        return 2; // reported by connect()
    SqlRunRequest request;
    request.script = in->text;
    request.statements = script.statements();
    request.pageSize = kPageSize;
    SqlRunner runner(SqlCliInput::guard(ctx, connection->database(), &request.confirmedDatabase));
    SqlRunResult result = runner.run(*connection, request);
    // every row: the cursors' pages one after another
    for (SqlResultSet &set : result.results) {
        while (!set.cursor.isEmpty()) {
            Result<SqlPage> page = runner.fetch(*connection, set.cursor, kPageSize);
            if (!page) {
                SqlRunError e;
                e.error = page.error();
                e.statementIndex = set.statementIndex;
                e.position = set.start;
                result.error = e;
                set.cursor.clear();
                break;
            }
            set.rows += page.value().rows;
            if (page.value().done)
                set.cursor.clear();
        }
        if (result.error)
            break;
    }
    runner.rollback(*connection); // a read transaction left open ends (nothing else is open)
    for (const QString &n : std::as_const(result.notices))
        QTextStream(ctx.out().errDevice()) << n.trimmed() << '\n';
    if (ctx.out().json()) {
        QJsonArray sets;
        for (const SqlResultSet &set : std::as_const(result.results))
            sets.append(toJson(set));
        if (result.error) {
            const int code = result.error->fromServer() ? 1 : 2;
            ctx.fail(code, whereIn(*result.error, in->where));
            return code;
        }
        QJsonObject doc;
        doc[u"command"] = QStringLiteral("sql");
        doc[u"ok"] = true;
        doc[u"results"] = sets;
        ctx.out().document(doc);
        return 0;
    }
    QTextStream out(ctx.out().outDevice());
    for (const SqlResultSet &set : std::as_const(result.results)) {
        if (set.hasRows) {
            printAligned(out, set);
            out << tr("(%n row(s))", nullptr, int(set.rows.size())) << "\n\n";
            if (set.cutShort)
                ctx.out().error(tr("%1: only the first %n row(s): a later statement ended the "
                                   "transaction its cursor was read in",
                                   nullptr, int(set.rows.size()))
                                    .arg(set.start.toString()));
        } else {
            out << set.commandTag << '\n';
        }
    }
    out.flush();
    if (result.error)
        return ctx.fail(result.error->fromServer() ? 1 : 2, whereIn(*result.error, in->where));
    return 0;
}

} // namespace uaip
