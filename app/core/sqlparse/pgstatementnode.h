#pragma once

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// One statement of a PgParseTree: its node (the statement's kind and everything under it) and
// where it is in the parsed text (bytes; length 0: to the end of the text).
struct PgStatementNode
{
    const PgQuery__Node *node = nullptr;
    int location = 0;
    int length = 0;
};

} // namespace uaip
