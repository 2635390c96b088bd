#include "sqlcommands.h"

#include "clitext.h"

#include "clicontext.h"
#include "sqlcliinput.h"
#include "sqlcliinterrupt.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"
#include "util/visibletext.h"

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

// The widths of columns and rows' cells, each at least as wide as in widths.
QList<int> widthsOf(const QStringList &columns, const QList<QVariantList> &rows, QList<int> widths)
{
    for (qsizetype c = widths.size(); c < columns.size(); ++c)
        widths.append(int(columns.at(c).size()));
    for (const QVariantList &row : rows)
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(cellText(row.at(c)).size()));
    return widths;
}

// The rows aligned to widths, a line each (the last without its line end).
QString alignedRows(const QList<QVariantList> &rows, const QList<int> &widths)
{
    QStringList lines;
    for (const QVariantList &row : rows) {
        QStringList cells;
        for (int c = 0; c < row.size(); ++c)
            cells.append(cellText(row.at(c)).leftJustified(widths.value(c)));
        lines.append(cells.join(QStringLiteral(" | ")).trimmed());
    }
    return lines.join(u'\n');
}

// The header, its rule and the rows of set's first page, aligned (without the last line end).
QString alignedFirstPage(const SqlResultSet &set, const QList<int> &widths)
{
    QStringList header;
    QStringList rule;
    for (int c = 0; c < set.columns.size(); ++c) {
        header.append(set.columns.at(c).leftJustified(widths.at(c)));
        rule.append(QString(widths.at(c), u'-'));
    }
    QString text
        = header.join(QStringLiteral(" | ")).trimmed() + u'\n' + rule.join(QStringLiteral("-+-"));
    if (!set.rows.isEmpty())
        text += u'\n' + alignedRows(set.rows, widths);
    return text;
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

// The error of a result set's page that could not be read, where its statement starts.
SqlRunError pageFailed(const SqlResultSet &set, const Error &error)
{
    SqlRunError e;
    e.error = error;
    e.statementIndex = set.statementIndex;
    e.position = set.start;
    return e;
}

// Every row: the cursors' pages one after another, until a page fails or a signal came.
void readAllRows(PgConnection &connection, SqlRunner &runner, const SqlCliInterrupt &interrupt,
                 SqlRunResult *result)
{
    for (SqlResultSet &set : result->results) {
        while (!set.cursor.isEmpty()) {
            if (interrupt.interrupted()) {
                result->cancelled = true;
                return;
            }
            Result<SqlPage> page = runner.fetch(connection, set.cursor, kPageSize);
            if (!page) {
                result->error = pageFailed(set, page.error());
                set.cursor.clear();
                return;
            }
            set.rows += page.value().rows;
            if (page.value().done)
                set.cursor.clear();
        }
    }
}

// The run ended because of the signal: stopped between statements or pages, or its command
// cancelled (57014), or cut off when the server did not answer the cancel.
bool endedByInterrupt(const SqlCliInterrupt &interrupt, const SqlRunResult &result)
{
    if (!interrupt.interrupted())
        return false;
    if (result.cancelled)
        return true;
    return result.error
        && (result.error->error.sqlState() == u"57014"
            || result.error->error.code() == ErrorCode::Connection);
}

// Where a cancelled run stopped: its error's place, else the first statement that did not run.
TextPosition stoppedAt(const SqlRunRequest &request, const SqlRunResult &result)
{
    if (result.error)
        return result.error->position;
    if (result.results.size() < request.statements.size())
        return request.statements.at(result.results.size()).start;
    return request.statements.last().start;
}

// Each result set through CliOutput::line (which shows a value's control characters visibly)
// as it comes: its first page (the run's), then each further page of its cursor as soon as it is
// read, its rows let go once printed, so memory holds a page whatever the result's size. A
// page is aligned to the widths of the pages before it and its own (psql's FETCH_COUNT); a
// result of one page prints as a whole. After a page failed or the signal came, the results
// that follow print their first page only (the error in result).
void printStreamed(CliContext &ctx, PgConnection &connection, SqlRunner &runner,
                   const SqlCliInterrupt &interrupt, SqlRunResult *result)
{
    bool fetching = !result->error && !result->cancelled;
    for (SqlResultSet &set : result->results) {
        if (!set.hasRows) {
            ctx.out().line(set.commandTag);
            continue;
        }
        QList<int> widths = widthsOf(set.columns, set.rows, {});
        ctx.out().line(alignedFirstPage(set, widths));
        qint64 rows = set.rows.size();
        set.rows.clear();
        bool stopped = false;
        while (fetching && !set.cursor.isEmpty()) {
            if (interrupt.interrupted()) {
                result->cancelled = true;
                fetching = false;
                stopped = true;
                break;
            }
            Result<SqlPage> page = runner.fetch(connection, set.cursor, kPageSize);
            if (!page) {
                result->error = pageFailed(set, page.error());
                set.cursor.clear();
                fetching = false;
                stopped = true;
                break;
            }
            if (!page.value().rows.isEmpty()) {
                widths = widthsOf(set.columns, page.value().rows, widths);
                ctx.out().line(alignedRows(page.value().rows, widths));
                rows += page.value().rows.size();
            }
            if (page.value().done)
                set.cursor.clear();
        }
        // a read that stopped (a page failed, or the signal) is not the whole result
        ctx.out().line(
            (stopped ? SqlCommands::tr("(%n row(s) before the read stopped)", nullptr, int(rows))
                     : SqlCommands::tr("(%n row(s))", nullptr, int(rows)))
            + u'\n');
        if (set.cutShort)
            ctx.out().error(
                SqlCommands::tr("%1: only the first %n row(s): a later statement ended the "
                                "transaction its cursor was read in",
                                nullptr, int(rows))
                    .arg(set.start.toString()));
    }
}

} // namespace

int SqlCommands::run(CliContext &ctx)
{
    int rc = 0;
    const std::optional<SqlCliInput> in = SqlCliInput::read(ctx, QStringLiteral("sql"), &rc);
    if (!in)
        return rc;
    const SqlScript script(in->text);
    // a text the parser refused runs where the server's syntax is newer (SqlRunGate decides)
    if (script.error() && !script.runnable())
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
    request.syntaxError = script.error();
    request.pageSize = kPageSize;
    // the client cancels a statement (and the guard's hold of what it reads) that runs longer
    request.statementTimeoutMs
        = CliContext::parseDuration(ctx.parser().value(QStringLiteral("statement-timeout")));
    SqlRunner runner(SqlCliInput::guard(ctx, connection->database(), &request.confirmedDatabase));
    SqlRunResult result;
    std::optional<Error> cancelled;
    {
        // SIGINT/SIGTERM: the running statement is cancelled at the server, none after it runs
        SqlCliInterrupt interrupt(*connection, runner.readers());
        result = runner.run(*connection, request, &interrupt.flag());
        if (!result.readAs.isEmpty() && !ctx.out().json())
            QTextStream(ctx.out().errDevice())
                << tr("(read as %1: the reader login, as the console's login holds a right "
                      "code it reads must not get)")
                       .arg(VisibleText::escaped(result.readAs))
                << '\n';
        for (const QString &n : std::as_const(result.notices))
            QTextStream(ctx.out().errDevice()) << CliText::keepingLines(n.trimmed()) << '\n';
        if (ctx.out().json()) { // one document: every row first
            if (!result.error && !result.cancelled)
                readAllRows(*connection, runner, interrupt, &result);
        } else {
            printStreamed(ctx, *connection, runner, interrupt, &result);
        }
        if (endedByInterrupt(interrupt, result))
            cancelled = SqlCliInterrupt::cancelled(in->where, stoppedAt(request, result));
    }
    runner.rollback(*connection); // a transaction left open ends (the read one, or the user's)
    const int failedCode = cancelled ? SqlCliInterrupt::kExitCode
        : result.error               ? (result.error->fromServer() ? 1 : 2)
                                     : 0;
    const auto fail = [&] {
        return ctx.fail(failedCode, cancelled ? *cancelled : whereIn(*result.error, in->where));
    };
    if (ctx.out().json()) {
        if (failedCode != 0)
            return fail();
        QJsonArray sets;
        for (const SqlResultSet &set : std::as_const(result.results))
            sets.append(toJson(set));
        QJsonObject doc;
        doc[u"command"] = QStringLiteral("sql");
        doc[u"ok"] = true;
        doc[u"results"] = sets;
        if (!result.readAs.isEmpty())
            doc[u"read_as"] = result.readAs;
        ctx.out().document(doc);
        return 0;
    }
    return failedCode != 0 ? fail() : 0;
}

} // namespace uaip
