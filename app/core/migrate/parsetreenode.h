#pragma once

#include <QJsonObject>
#include <QString>

namespace uaip {

// One node of libpg_query's JSON parse tree, {"TypeName": {...fields}}: its type name and its
// fields. Both are empty for a value that is not a node.
struct ParseTreeNode
{
    QString type;
    QJsonObject fields;
};

} // namespace uaip
