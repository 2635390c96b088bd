#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

class PgParseTree;

// Searches of libpg_query's typed parse trees (PgParseTree), walked without recursion, so
// nothing nested however deep is missed, and no field order is relied on.
class ParseTreeSearch
{
public:
    // The pg_advisory_unlock* function the tree calls (a FuncCall named so, unqualified or in
    // pg_catalog); with allOnly, only pg_advisory_unlock_all. Empty when none.
    static QString unlockCall(const PgParseTree &tree, bool allOnly = false);

    // The enum values ALTER TYPE ... ADD VALUE statements of the tree add, in order.
    static QStringList addedEnumValues(const PgParseTree &tree);

    // Whether the tree holds a string constant (however it was quoted) equal to value.
    static bool hasStringConstant(const PgParseTree &tree, const QString &value);

    // Whether the tree holds a node kind or field this code's protobuf does not know (a newer
    // libpg_query's): what the searches above say of it is not checked.
    static bool hasUnknown(const PgParseTree &tree);
};

} // namespace uaip
