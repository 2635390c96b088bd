#pragma once

#include <memory>

namespace uaip {

class PgParseTree;

// psql-style inline data of one COPY ... FROM STDIN in a SQL file: the rows from the line after
// the statement up to (not including) the line "\.", as byte offsets into the file.
struct CopyDataBlock
{
    int statementOffset = 0; // first token of the COPY statement
    // the statement's length up to its last token (trailing whitespace left out, as
    // SqlSplitter cuts it) and its tree, parsed from those bytes: the split's statement there
    // takes it (ScriptTrees::keep) rather than parse it again
    int statementLength = 0;
    std::shared_ptr<const PgParseTree> tree;
    int start = 0; // first byte of the first row
    int end = 0; // one past the last row's line break: the "\." line starts here
};

} // namespace uaip
