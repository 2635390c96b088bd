#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace uaip {

// Searches of libpg_query's compact JSON parse trees (pg_query_parse's output, which has one
// fixed form), read from the JSON text: the tree reader cuts subtrees nested deeper than Qt
// accepts, and nothing there may be missed.
class ParseTreeSearch
{
public:
    // The pg_advisory_unlock* function the tree calls (a FuncCall named so, unqualified or in
    // pg_catalog); with allOnly, only pg_advisory_unlock_all. Empty when none.
    static QString unlockCall(const QByteArray &json, bool allOnly = false);

    // The enum values ALTER TYPE ... ADD VALUE statements of the tree add, in order.
    static QStringList addedEnumValues(const QByteArray &json);

    // Whether the tree holds a string constant (however it was quoted) equal to value.
    static bool hasStringConstant(const QByteArray &json, const QString &value);

    // value as a JSON string's content, escaped as PostgreSQL's escape_json (libpg_query's
    // writer) does.
    static QByteArray jsonEscaped(const QString &value);
};

} // namespace uaip
