#include "sqlsplitter.h"

#include "copydatafinder.h"
#include "expressiondepth.h"
#include "pgparsetree.h"
#include "scannerstatementspans.h"
#include "scripttrees.h"
#include "splitcache.h"
#include "sqlsyntaxchecker.h"
#include "statementspans.h"
#include "util/sharedslice.h"

#include <QScopeGuard>

#include <algorithm>
#include <cstring>

namespace uaip {

namespace {

// PostgreSQL's scanner: space [ \t\n\r\f\v] (\v from PostgreSQL 16 on, so the parser's, 17's).
bool isSqlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The spans of the statements in the text between the COPY rows (after a byte order mark), or
// the error that stopped the search.
// scanner: as psql splits it (ScannerStatementSpans), not by the grammar.
StatementSpansResult spansBetween(const QByteArray &sql, const QList<CopyDataBlock> &copyData,
                                  qsizetype window, bool scanner = false)
{
    StatementSpansResult found;
    qsizetype from = sql.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (qsizetype b = 0; b <= copyData.size(); ++b) {
        const qsizetype to = b < copyData.size() ? copyData[b].start : sql.size();
        StatementSpansResult part = scanner ? ScannerStatementSpans::find(sql, from, to)
                                            : StatementSpans::find(sql, from, to, window);
        if (part.error)
            return part;
        found.spans += part.spans;
        if (b < copyData.size()) {
            const qsizetype eol = sql.indexOf('\n', copyData[b].end);
            from = eol < 0 ? sql.size() : eol;
        }
    }
    return found;
}

// Where each statement's text is: from its first token to its last (trailing whitespace
// left out); spans with only comments give none.
std::pair<int, int> statementPiece(const QByteArray &sql, const StatementSpan &span)
{
    const int start = SqlSplitter::firstTokenOffset(sql, span.start, span.end);
    int last = span.end;
    while (last > start && isSqlSpace(sql.at(last - 1)))
        --last;
    return std::pair{start, last};
}

// The size of the block of statement texts (each followed by a NUL), and their number.
std::pair<qsizetype, qsizetype> textsSize(const QByteArray &sql, const QList<StatementSpan> &spans)
{
    qsizetype bytes = 0;
    qsizetype count = 0;
    for (const StatementSpan &span : spans) {
        const auto [start, last] = statementPiece(sql, span);
        if (last > start) {
            bytes += last - start + 1;
            ++count;
        }
    }
    return {bytes, count};
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
    if (std::optional<SqlSplitResult> known = SplitCache::find(sql, window))
        return *std::move(known);
    SqlSplitResult result = splitText(sql, window);
    SplitCache::keep(sql, window, result);
    return result;
}

SqlSplitResult SqlSplitter::splitText(const QByteArray &sql, qsizetype window)
{
    SqlSplitResult result;
    if ((result.error = SqlSyntaxChecker::inputError(sql)))
        return result;
    // psql-style COPY rows are no SQL: the statements are found in the text between them, so
    // the file is never copied to blank them out
    const QList<CopyDataBlock> copyData = CopyDataFinder::find(sql);
    StatementSpansResult found = spansBetween(sql, copyData, window);
    if (!found.error) {
        result.error = statementsOf(sql, copyData, found.spans, &result.statements);
        return result;
    }
    result.error = std::move(found.error);
    // The parser refused it: the statements as psql would send them, for a server whose syntax
    // is newer than the parser's (SqlSplitResult::admitted); each that the parser cannot read
    // alone is unchecked.
    const StatementSpansResult scanned = spansBetween(sql, copyData, window, true);
    if (scanned.error || statementsOf(sql, copyData, scanned.spans, &result.scanned).has_value()) {
        result.scanned.clear();
        return result;
    }
    for (const SqlStatement &statement : std::as_const(result.scanned)) {
        const std::shared_ptr<const PgParseTree> tree = statement.tree();
        if (tree->ok())
            continue;
        UncheckedStatement unchecked;
        unchecked.index = statement.index;
        unchecked.error = SqlSyntaxChecker::errorInPart(sql, statement.offset, statement.text,
                                                        tree->errorMessage(), tree->errorCursor());
        result.scannedUnchecked.append(unchecked);
    }
    return result;
}

std::optional<SqlSyntaxError> SqlSplitter::statementsOf(const QByteArray &sql,
                                                        const QList<CopyDataBlock> &copyData,
                                                        const QList<StatementSpan> &spans,
                                                        QList<SqlStatement> *statements)
{
    const auto [bytes, count] = textsSize(sql, spans);
    // The texts in one block, each followed by a NUL (so each is a C string, as libpq and
    // libpg_query take them) and shared by the statements: no allocation per statement.
    QByteArray texts(bytes, Qt::Uninitialized);
    char *const out = texts.data(); // taken before the first slice shares the block
    qsizetype at = 0;
    qsizetype block = 0;
    int knownOffset = 0;
    TextPosition knownPosition;
    statements->reserve(count);
    const auto trees = std::make_shared<ScriptTrees>(spans.size());
    for (const StatementSpan &span : spans) {
        const auto [start, last] = statementPiece(sql, span);
        if (last <= start)
            continue;
        const qsizetype length = last - start;
        std::memcpy(out + at, sql.constData() + start, std::size_t(length));
        out[at + length] = '\0';
        SqlStatement statement;
        statement.text = SharedSlice::of(texts, at, length);
        at += length + 1;
        statement.offset = start;
        statement.start = TextPosition::fromOffset(sql, start, knownOffset, knownPosition);
        knownOffset = start;
        knownPosition = statement.start;
        while (block < copyData.size() && copyData[block].statementOffset < start)
            ++block;
        if (block < copyData.size() && copyData[block].statementOffset == start) {
            const CopyDataBlock &rows = copyData[block];
            statement.copyData = std::make_shared<const QByteArray>(
                SharedSlice::of(sql, rows.start, rows.end - rows.start));
            if (rows.statementLength == length) // the very text CopyDataFinder parsed
                trees->keep(statements->size(), rows.tree);
        }
        // libpg_query's tree of a statement nesting deeper than this would exhaust the stack of
        // whoever reads it next (the console's verdict, the lint, the plan check)
        if (const qsizetype deep = ExpressionDepth::firstTooDeep(statement.text); deep >= 0) {
            SqlSyntaxError error;
            error.offset = int(start + deep);
            error.position = TextPosition::fromOffset(sql, error.offset);
            error.message = tr("expression nests too deeply here (over %1 levels of operators "
                               "and parentheses); PostgreSQL refuses it too (stack depth limit "
                               "exceeded): split it up")
                                .arg(ExpressionDepth::limit);
            statements->clear();
            return error;
        }
        statement.trees = trees;
        statement.index = statements->size();
        statements->append(statement);
    }
    return std::nullopt;
}

} // namespace uaip
