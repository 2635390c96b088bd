#include "sqlsplitter.h"

#include "sqlsyntaxchecker.h"
#include "statementspans.h"

#include <QScopeGuard>

#include <algorithm>

namespace uaip {

namespace {

// PostgreSQL's scanner: space [ \t\n\r\f] (no \v before PostgreSQL 16).
bool isSqlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

} // namespace

int SqlSplitter::firstTokenOffset(const QByteArray &sql, int from, int to)
{
    to = static_cast<int>(std::min<qsizetype>(to, sql.size()));
    int i = std::max(from, 0);
    const char *data = sql.constData();
    if (i == 0 && to >= 3 && sql.startsWith("\xEF\xBB\xBF"))
        i = 3;
    while (i < to) {
        const char c = data[i];
        if (isSqlSpace(c)) {
            ++i;
        } else if (c == '-' && i + 1 < to && data[i + 1] == '-') {
            i += 2;
            while (i < to && data[i] != '\n' && data[i] != '\r')
                ++i;
        } else if (c == '/' && i + 1 < to && data[i + 1] == '*') {
            // PostgreSQL block comments nest.
            int depth = 1;
            i += 2;
            while (i < to && depth > 0) {
                if (data[i] == '/' && i + 1 < to && data[i + 1] == '*') {
                    ++depth;
                    i += 2;
                } else if (data[i] == '*' && i + 1 < to && data[i + 1] == '/') {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            }
        } else {
            break;
        }
    }
    return std::min(i, to);
}

SqlSplitResult SqlSplitter::split(const QByteArray &sql, qsizetype window)
{
    SqlSplitResult result;
    QList<CopyDataBlock> copyData;
    const QByteArray input = SqlSyntaxChecker::parserInput(sql, &result.error, &copyData);
    if (result.error)
        return result;

    StatementSpansResult spans = StatementSpans::find(sql, input, window);
    if (spans.error) {
        result.error = std::move(spans.error);
        return result;
    }

    int knownOffset = 0;
    TextPosition knownPosition;
    result.statements.reserve(spans.spans.size());
    for (const StatementSpan &span : std::as_const(spans.spans)) {
        const int end = span.end;
        const int start = firstTokenOffset(input, span.start, end);
        int last = end;
        while (last > start && isSqlSpace(input.at(last - 1)))
            --last;
        if (last <= start)
            continue;

        SqlStatement statement;
        statement.text = sql.sliced(start, last - start);
        statement.offset = start;
        statement.start = TextPosition::fromOffset(sql, start, knownOffset, knownPosition);
        knownOffset = start;
        knownPosition = statement.start;
        for (const CopyDataBlock &block : copyData)
            if (block.statementOffset == start)
                statement.copyData = sql.sliced(block.start, block.end - block.start);
        result.statements.append(statement);
    }
    return result;
}

} // namespace uaip
