#pragma once

#include "copydatablock.h"
#include "sqlsplitresult.h"
#include "statementspans.h"

#include <QByteArray>
#include <QCoreApplication>

namespace uaip {

// Splits a SQL file into statements with PostgreSQL's own parser (libpg_query,
// pg_query_split_with_parser), so dollar-quoted bodies ($$ and $tag$), DO blocks, E'' strings,
// nested /* */ comments and semicolons inside any of them are handled as the server does.
// The file must be syntactically valid; otherwise the result holds the error and its
// line:column, and the statements as psql would split them (SqlSplitResult::scanned), for a
// server whose syntax is newer than the parser's. A UTF-8 byte order mark at the start counts as
// whitespace. Empty input, or input with only comments and ';', gives no statements and no error. A
// text split before is not split again (SplitCache): its statements share one ScriptTrees, each
// tree parsed once.
//
// Thread safety: libpg_query keeps all its state (memory contexts, error state, GUCs) in
// thread-local variables and sets itself up per thread, so split() may be called from several
// threads at once; a thread's parser memory is released when the thread exits.
class SqlSplitter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlSplitter)

public:
    // window: how much of the text is parsed at a time (StatementSpans); tests make it small.
    static SqlSplitResult split(const QByteArray &sql,
                                qsizetype window = StatementSpans::defaultWindow);

    // The offset of the first byte in [from, to) that is not whitespace (space, tab, CR, LF,
    // form feed), a "--" comment, a (nested) "/* */" comment or the byte order mark at the
    // start of the file; `to` if there is none. libpg_query reports each statement from the
    // end of the previous one, leading comments included; this finds its first real token.
    static int firstTokenOffset(const QByteArray &sql, int from, int to);

private:
    static SqlSplitResult splitText(const QByteArray &sql, qsizetype window);
    // The statements of spans, made into *statements; the error of a statement that nests too
    // deeply (then *statements is empty).
    static std::optional<SqlSyntaxError> statementsOf(const QByteArray &sql,
                                                      const QList<CopyDataBlock> &copyData,
                                                      const QList<StatementSpan> &spans,
                                                      QList<SqlStatement> *statements);
};

} // namespace uaip
