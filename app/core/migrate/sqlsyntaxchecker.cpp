#include "sqlsyntaxchecker.h"

#include "sqlsplitter.h"

#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>

namespace uaip {

namespace {

// PostgreSQL cannot allocate more than 1 GiB in one piece (MaxAllocSize), and its scanner
// copies the whole input.
constexpr qsizetype maxInputSize = 0x3fffffff;

SqlSyntaxError errorAtOffset(const QByteArray &sql, const QString &message, qsizetype offset)
{
    SqlSyntaxError error;
    error.message = message;
    error.offset = static_cast<int>(std::clamp<qsizetype>(offset, 0, sql.size()));
    error.position = TextPosition::fromOffset(sql, error.offset);
    return error;
}

// For an error without a position: the offset of the first token of the first statement that
// does not parse on its own, or of the first token of the file.
int locateFailingStatement(const QByteArray &input)
{
    const int size = static_cast<int>(input.size());
    PgQuerySplitResult split = pg_query_split_with_scanner(input.constData());
    const auto freeSplit = qScopeGuard([&split] { pg_query_free_split_result(split); });
    if (split.error && split.error->cursorpos > 0)
        return split.error->cursorpos - 1;
    for (int i = 0; !split.error && i < split.n_stmts; ++i) {
        const int location = std::clamp(split.stmts[i]->stmt_location, 0, size);
        const int end
            = std::clamp(location + std::max(split.stmts[i]->stmt_len, 0), location, size);
        const QByteArray statement = input.sliced(location, end - location);
        PgQueryParseResult parse = pg_query_parse(statement.constData());
        const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
        if (!parse.error)
            continue;
        if (parse.error->cursorpos > 0)
            return location + parse.error->cursorpos - 1;
        return SqlSplitter::firstTokenOffset(input, location, end);
    }
    return SqlSplitter::firstTokenOffset(input, 0, size);
}

} // namespace

QByteArray SqlSyntaxChecker::parserInput(const QByteArray &sql,
                                         std::optional<SqlSyntaxError> *error)
{
    if (sql.size() > maxInputSize) {
        *error = errorAtOffset(sql, QStringLiteral("the file is too large to parse (over 1 GiB)"),
                               0);
        return {};
    }
    const qsizetype nul = sql.indexOf('\0');
    if (nul >= 0) {
        *error = errorAtOffset(sql, QStringLiteral("unexpected NUL byte (is this a text file?)"),
                               nul);
        return {};
    }
    QByteArray input = sql;
    if (input.startsWith("\xEF\xBB\xBF"))
        input.replace(0, 3, "   ");
    return input;
}

SqlSyntaxError SqlSyntaxChecker::errorAt(const QByteArray &sql, const QString &message,
                                         int cursorPos)
{
    if (cursorPos > 0)
        return errorAtOffset(sql, message, static_cast<qsizetype>(cursorPos) - 1);
    std::optional<SqlSyntaxError> inputError;
    const QByteArray input = parserInput(sql, &inputError);
    if (inputError)
        return errorAtOffset(sql, message, 0);
    return errorAtOffset(sql, message, locateFailingStatement(input));
}

std::optional<SqlSyntaxError> SqlSyntaxChecker::check(const QByteArray &sql)
{
    std::optional<SqlSyntaxError> error;
    const QByteArray input = parserInput(sql, &error);
    if (error)
        return error;
    PgQueryParseResult parse = pg_query_parse(input.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_parse_result(parse); });
    if (parse.error)
        return errorAt(sql, QString::fromUtf8(parse.error->message), parse.error->cursorpos);
    return std::nullopt;
}

} // namespace uaip
