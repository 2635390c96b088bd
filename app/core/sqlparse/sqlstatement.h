#pragma once

#include "textposition.h"

#include <QByteArray>

#include <memory>

namespace uaip {

class PgParseTree;
class ScriptTrees;

// One statement of a SQL file, as SqlSplitter found it.
struct SqlStatement
{
    // The statement as written, from its first token up to (not including) the ';' that ends
    // it, with trailing whitespace removed. Leading comments are not part of it; a comment
    // between the last token and the ';' is. Send it to the server as it is.
    QByteArray text;
    int offset = 0; // byte offset of the first token in the file
    TextPosition start; // line:column of the first token
    // COPY ... FROM STDIN with psql-style inline data: the rows (up to, not including, the
    // line "\."), sent through the COPY protocol after the statement. They share the file's
    // memory (SharedSlice): not NUL-terminated. A pointer, not an optional, so that the many
    // statements of a big file without COPY cost 16 bytes each here, not 32.
    std::shared_ptr<const QByteArray> copyData;
    // The typed trees of the split script this statement is one of (SqlSplitter), and its
    // place there; null for a statement made by hand.
    std::shared_ptr<const ScriptTrees> trees;
    qsizetype index = -1;

    // The statement's typed tree: parsed once for every reader of the split script (and every
    // later split of the same text: SplitCache); parsed now for a statement made by hand.
    std::shared_ptr<const PgParseTree> tree() const;
};

} // namespace uaip
