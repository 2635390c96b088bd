#pragma once

#include "sqlsyntaxerror.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace uaip {

// Where one statement of a SQL text lies, as PostgreSQL's grammar splits it: [start, end) in
// bytes, start just after the previous statement's ';' (leading comments included), end before
// the statement's own ';' (or the end of the text for the last one).
struct StatementSpan
{
    int start = 0;
    int end = 0;
};

struct StatementSpansResult
{
    QList<StatementSpan> spans;
    std::optional<SqlSyntaxError> error; // then spans is empty
};

// The statements of a SQL text, found with PostgreSQL's own grammar (libpg_query's raw parser,
// so a ';' inside BEGIN ATOMIC ... END or a rule's ( ...; ... ) does not end a statement) one
// window of about a megabyte at a time. The raw parse tree of a whole 50 MB file takes some
// 360 MB; a window's takes a few, so memory follows the longest statement, not the file.
//
// A window ends at a ';'. The last statement of a window may have been cut there (a ';' inside
// a string, a comment, a body), so it is never taken: the next window starts with it. A parse
// error that a cut can cause ("at end of input", an unterminated string, comment or quoted
// name) widens the window; any other error is the file's own: a parser that fails on a token
// fails there whatever follows it.
class StatementSpans
{
public:
    static constexpr qsizetype defaultWindow = qsizetype(1) << 20;

    // The statements in [begin, end) of sql (text the parser may see: no NUL byte, no inline
    // COPY rows in it); spans and error positions are offsets in sql.
    static StatementSpansResult find(const QByteArray &sql, qsizetype begin, qsizetype end,
                                     qsizetype window = defaultWindow);
};

} // namespace uaip
