#pragma once

#include <QJsonObject>
#include <QString>

namespace uaip {

// A table as a statement names it (a RangeVar of the parse tree): the schema is empty when the
// statement does not give one.
struct TableRef
{
    QString schema;
    QString name;

    static TableRef of(const QJsonObject &rangeVar)
    {
        return {rangeVar.value(u"schemaname").toString(), rangeVar.value(u"relname").toString()};
    }

    // The same name, and the same schema unless either leaves the schema out.
    bool matches(const TableRef &other) const
    {
        return name == other.name
            && (schema.isEmpty() || other.schema.isEmpty() || schema == other.schema);
    }
};

} // namespace uaip
