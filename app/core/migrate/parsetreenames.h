#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace uaip {

// Spells the names of objects and types found in libpg_query's JSON parse tree the way a
// migration would write them, for SqlLinter's findings.
class ParseTreeNames
{
public:
    // Whether name can be written without quotes: lower case letters, digits, '_' and '$'
    // (and any non-ASCII character), not starting with a digit or '$'.
    static bool isPlainIdentifier(const QString &name);

    // The name as it would have to be written: quoted when it has upper case or odd characters.
    static QString quoteIdentifier(const QString &name);

    // The parts quoted where needed and joined with '.'.
    static QString qualifiedName(const QStringList &parts);

    // catalog.schema.table of a RangeVar, with the parts it gives.
    static QString relationName(const QJsonObject &rangeVar);

    // The type of a TypeName as SQL spells it: integer for pg_catalog.int4, with its modifiers
    // and array bounds, e.g. timestamp(3) with time zone, numeric(10,2)[].
    static QString typeNameText(const QJsonObject &typeName);

    // "materialized view" for OBJECT_MATVIEW, "table" for OBJECT_TABLE, ...
    static QString objectNoun(const QString &objectType);

    // The name of one object of a DROP or RENAME, as written.
    static QString objectName(const QJsonValue &value, const QString &objectType);
};

} // namespace uaip
