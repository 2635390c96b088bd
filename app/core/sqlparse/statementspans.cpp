#include "statementspans.h"

#include "sqlsyntaxchecker.h"

#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>
#include <cctype>

namespace uaip {

namespace {

bool isIdentifierChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}

// The end of a window that starts at from (a statement boundary) and is at least size long:
// just after the first ';' from there on that is outside strings, quoted names, dollar
// quotes, comments and parentheses, by a quick lexer; the end of the text when there is
// none. A ';' it gets wrong (inside BEGIN ATOMIC ... END) only costs a wider window.
qsizetype windowEnd(const QByteArray &input, qsizetype from, qsizetype size, qsizetype n)
{
    if (size >= n - from)
        return n;
    const char *p = input.constData();
    int depth = 0;
    for (qsizetype i = from; i < n; ++i) {
        const char c = p[i];
        if (c == '-' && i + 1 < n && p[i + 1] == '-') {
            while (i < n && p[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < n && p[i + 1] == '*') {
            int nested = 1;
            for (i += 2; i < n && nested > 0; ++i) {
                if (p[i] == '/' && i + 1 < n && p[i + 1] == '*')
                    ++nested, ++i;
                else if (p[i] == '*' && i + 1 < n && p[i + 1] == '/')
                    --nested, ++i;
            }
            --i;
        } else if (c == '\'' || c == '"') {
            const bool backslashes = c == '\'' && i > from && (p[i - 1] == 'E' || p[i - 1] == 'e')
                && (i - 1 == from || !isIdentifierChar(p[i - 2]));
            for (++i; i < n; ++i) {
                if (backslashes && p[i] == '\\') {
                    ++i;
                } else if (p[i] == c) {
                    if (i + 1 < n && p[i + 1] == c)
                        ++i; // doubled: part of the text
                    else
                        break;
                }
            }
        } else if (c == '$' && (i == from || !isIdentifierChar(p[i - 1]))) {
            qsizetype t = i + 1;
            while (t < n && isIdentifierChar(p[t]) && p[t] != '$'
                   && !(t == i + 1 && std::isdigit(static_cast<unsigned char>(p[t]))))
                ++t;
            if (t < n && p[t] == '$') {
                const QByteArrayView tag(p + i, t - i + 1);
                const qsizetype close = input.indexOf(tag, t + 1);
                if (close < 0 || close + tag.size() > n)
                    return n;
                i = close + tag.size() - 1;
            }
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            depth = std::max(depth - 1, 0);
        } else if (c == ';' && depth == 0 && i >= from + size) {
            return i + 1;
        }
    }
    return n;
}

// Could the error come from cutting the text at the window's end rather than from the text?
bool cutCanCause(const PgQueryError &error, const QByteArray &window)
{
    const QByteArray message(error.message);
    return message.contains("at end of input") || message.startsWith("unterminated ")
        || error.cursorpos <= 0 || error.cursorpos > window.size();
}

} // namespace

StatementSpansResult StatementSpans::find(const QByteArray &sql, qsizetype begin, qsizetype end,
                                          qsizetype window)
{
    StatementSpansResult result;
    const QByteArray &input = sql;
    const qsizetype total = std::clamp<qsizetype>(end, 0, sql.size());
    const qsizetype base = std::max<qsizetype>(window, 1);
    qsizetype from = std::max<qsizetype>(begin, 0);
    qsizetype size = base;
    // What is parsed twice here, and why it stays (issue 58): a window that grows is parsed
    // again whole, but it doubles each time, so a statement of n bytes costs under 2n more
    // (the windows before it: 1 + 2 + 4 ... MB); and each window's last statement, never taken
    // (the window may have cut it), starts the next window and is parsed there again: one
    // statement per window. Splitting the whole text once would parse each byte once but hold
    // the raw tree of the whole file (some 360 MB for 50 MB); and a raw parser's split of
    // [from, to) cannot be resumed. These are raw parses for the boundaries only
    // (pg_query_split_with_parser): the typed trees (PgParseTree, ScriptTrees) are made once.
    while (from < total) {
        const qsizetype to = windowEnd(input, from, size, total);
        const bool last = to == total;
        const QByteArray part = input.sliced(from, to - from); // NUL-terminated copy
        PgQuerySplitResult split = pg_query_split_with_parser(part.constData());
        const auto freeSplit = qScopeGuard([&split] { pg_query_free_split_result(split); });
        if (split.error) {
            if (!last && cutCanCause(*split.error, part)) {
                size *= 2;
                continue;
            }
            result.spans.clear();
            result.error = SqlSyntaxChecker::errorInPart(
                sql, from, part, QString::fromUtf8(split.error->message), split.error->cursorpos);
            return result;
        }
        // The window's last statement may have been cut at its end: taken only from the last
        // window. A window with only that one grows until a second statement starts in it.
        const int taken = last ? split.n_stmts : split.n_stmts - 1;
        if (taken <= 0 && !last) {
            size *= 2;
            continue;
        }
        const int partSize = int(part.size());
        for (int i = 0; i < taken; ++i) {
            const PgQuerySplitStmt *stmt = split.stmts[i];
            const int location = std::clamp(stmt->stmt_location, 0, partSize);
            const int stop = std::clamp(location + std::max(stmt->stmt_len, 0), location, partSize);
            StatementSpan span;
            span.start = int(from) + location;
            span.end = int(from) + stop; // libpg_query gives the last one its length too
            result.spans.append(span);
        }
        if (last)
            break;
        from += std::clamp(split.stmts[split.n_stmts - 1]->stmt_location, 0, partSize);
        size = base;
    }
    return result;
}

} // namespace uaip
