#pragma once

#include <QByteArray>

#include <pg_query.h>

namespace uaip {

// How deep libpg_query's parse tree of a statement may get, estimated from PostgreSQL's own
// scanner (pg_query_scan: iterative, so any input is safe) before anything recursive runs.
// libpg_query's tree output recurses once per level and has no depth check of its own: an
// 80,000-term `1 + 1 + ...` exhausted the stack (SIGSEGV) in `sql`, `lint` and the GUI. Each
// level of the tree needs a token that nests: an operator (binary, prefix, a cast, IS, LIKE,
// BETWEEN, COLLATE, a CASE), a set operation (UNION, INTERSECT, EXCEPT) or a parenthesis or
// bracket. The estimate counts them per parenthesis level, and forgets an operand's operators
// where the tree starts a sibling instead of a child: after a comma, AND and OR (PostgreSQL
// flattens their chains), WHEN, THEN and ELSE. So a flat statement of any size (an INSERT of
// 100,000 rows, an IN list, a long WHERE of ANDs) stays shallow, and only a long chain or a
// deep nesting counts. PostgreSQL 15 itself refuses such a statement with its default
// max_stack_depth (2 MB) from about 5,000 terms; the limit is twice 5,000 terms' worth.
class ExpressionDepth
{
public:
    static constexpr int limit = 10000;
    // A statement shorter than this cannot reach the limit (each level takes a byte at least):
    // not scanned at all.
    static constexpr qsizetype scanFrom = limit;

    // The byte offset in text of the token at which the estimate first exceeds the limit;
    // -1 when it never does (or the scanner refuses the text: the parser then says why).
    static qsizetype firstTooDeep(const QByteArray &text);

    // pg_query_parse_protobuf for every caller (PgParseTree, the syntax check): a text that
    // nests too deeply gets a parse error at the token where it does (cursorpos, as libpg_query
    // counts it: 1-based, in characters) instead of the tree, which would have exhausted the
    // stack. Free it with pg_query_free_protobuf_parse_result, as any other.
    static PgQueryProtobufParseResult parseProtobuf(const char *text);

private:
    // The parse error for a text too deep at byte offset at.
    static PgQueryError *tooDeep(const QByteArray &input, qsizetype at);
};

} // namespace uaip
