#pragma once

#include "pgstatementnode.h"
#include "textposition.h"

#include "error/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace uaip {

// libpg_query's typed parse tree of a text (pg_query_parse_protobuf, unpacked into the
// PgQuery__* structs of pg_query.pb-c.h), owned: freed with the object. Read it with
// PgTreeWalk. Unlike the JSON text, the typed tree has no field order to rely on, and a node
// kind this code's protobuf does not know stays visible as such (PgTreeWalk::hasUnknown).
//
// The text goes through the gate every parse goes through (ExpressionDepth): a statement that
// nests too deeply is a parse error at its place, never a tree whose output would exhaust the
// stack. The tree is unpacked on the large-stack thread (LargeStackWorker) when its encoding is
// big enough to nest deeply (protobuf-c's unpacker recurses once per nested message), and
// freed without recursion (the messages live in one arena).
class PgParseTree
{
public:
    PgParseTree();
    PgParseTree(PgParseTree &&) noexcept;
    PgParseTree &operator=(PgParseTree &&) noexcept;
    ~PgParseTree();
    PgParseTree(const PgParseTree &) = delete;
    PgParseTree &operator=(const PgParseTree &) = delete;

    static PgParseTree parse(const QByteArray &text);
    // How many texts parse() parsed in this process so far (a script's statements are parsed
    // once for all of its readers: ScriptTrees; tests check that).
    static quint64 parseCount();
    // A tree from its protobuf encoding (pg_query_parse_protobuf's output, or one written by
    // hand); !ok() when protobuf-c cannot read it.
    static PgParseTree fromProtobuf(const QByteArray &encoded);
    // A tree of its own with the same statements, to change (mutableResult()) when this one is
    // shared: unpacked from this one's encoding, not parsed again (an error: the same error).
    PgParseTree copy() const;

    bool ok() const;
    // The parser's message when !ok(); empty otherwise.
    QString errorMessage() const;
    // Where the parser stopped, as libpg_query counts it (1-based, in characters; 0: unknown).
    int errorCursor() const;
    // The same as line:col of the parsed text.
    TextPosition errorPosition() const;

    // The statements in the order written; empty when !ok().
    QList<PgStatementNode> statements() const;
    const PgQuery__ParseResult *result() const;
    // The tree to change before deparse() (nodes added by the caller must outlive that call).
    PgQuery__ParseResult *mutableResult();
    // The tree as SQL text again (libpg_query's deparser: the same statements, its own
    // spelling, without comments); the error when it cannot be written (BadInput: the text did
    // not parse; Internal: the deparser refused), or when what it writes does not parse back to
    // this tree (locations aside: Internal).
    Result<QByteArray> deparse() const;

    // Encoded trees at least this long are unpacked on the large-stack thread (a nested message
    // takes two bytes of its parent's encoding at least, so a shorter one nests at most half as
    // deep: a few hundred KB of stack).
    static constexpr size_t threadFrom = 2048;

private:
    // The tree's protobuf encoding.
    QByteArray encoded() const;
    // The encoding with every location (and RawStmt's stmt_location and stmt_len) zeroed: two
    // texts with the same statements give the same bytes.
    QByteArray shape() const;

    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace uaip
