#pragma once

#include "parsetreenode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace uaip {

// Reads libpg_query's JSON parse trees (pg_query_parse, pg_query_parse_plpgsql) for SqlLinter.
class ParseTree
{
public:
    // The JSON document, with every subtree nested deeper than Qt's JSON reader accepts
    // replaced by null (a long chain of operators, a + b + c ..., nests that deep; the linter
    // only looks at the upper levels). Not an object or array when even that does not parse.
    static QJsonDocument read(const char *json);

    // The node {"TypeName": {...fields}} held by value; an empty node when value is not one.
    static ParseTreeNode nodeOf(const QJsonValue &value);

    // The sval of every String node in array, in order; other nodes are skipped.
    static QStringList stringValues(const QJsonArray &array);

    // Whether a DROP, TRUNCATE or ALTER TABLE command says CASCADE.
    static bool isCascade(const QJsonObject &fields);
};

} // namespace uaip
