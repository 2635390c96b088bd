#pragma once

#include "ddlobject.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

// What MigrationGenerator reads from a DdlObject's attributes, and how it groups object kinds.
namespace uaip::ddl {

inline QString attr(const DdlObject &o, const char *name)
{
    const QJsonValue v = o.attrs.value(QLatin1String(name));
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

inline QStringList attrList(const DdlObject &o, const char *name)
{
    QStringList out;
    for (const QJsonValue &v : o.attrs.value(QLatin1String(name)).toArray())
        out << v.toString();
    return out;
}

inline bool isView(const QString &kind)
{
    return kind == u"view" || kind == u"materialized view";
}

// Kinds whose removal destroys data.
inline bool dropDestroysData(const QString &kind)
{
    static const QStringList kinds{QStringLiteral("table"),    QStringLiteral("column"),
                                   QStringLiteral("sequence"), QStringLiteral("type"),
                                   QStringLiteral("schema"),   QStringLiteral("extension")};
    return kinds.contains(kind);
}

// Kinds the generator writes no SQL for.
inline bool notGenerated(const QString &kind)
{
    return kind == u"aggregate" || kind == u"foreign table";
}

inline bool isSubsequence(const QStringList &part, const QStringList &whole)
{
    qsizetype at = 0;
    for (const QString &s : part) {
        at = whole.indexOf(s, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

// A column's type as ALTER COLUMN ... TYPE writes it.
inline QString typeClause(const DdlObject &column)
{
    const QString collation = attr(column, "collation");
    return attr(column, "type")
        + (collation.isEmpty() ? QString() : QStringLiteral(" COLLATE ") + collation);
}

} // namespace uaip::ddl
