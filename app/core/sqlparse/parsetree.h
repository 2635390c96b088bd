#pragma once

#include <QJsonDocument>

namespace uaip {

// Reads libpg_query's JSON output where it has no typed tree: the PL/pgSQL of DO blocks and
// functions (pg_query_parse_plpgsql). SQL statements are read as typed trees (PgParseTree).
class ParseTree
{
public:
    // The JSON document, with every subtree nested deeper than Qt's JSON reader accepts
    // replaced by null (a long chain of operators, a + b + c ..., nests that deep; the readers
    // only look at the upper levels). Not an object or array when even that does not parse.
    // *pruned (if given): whether a subtree was replaced, so a key may be missing from it.
    static QJsonDocument read(const char *json, bool *pruned = nullptr);
};

} // namespace uaip
