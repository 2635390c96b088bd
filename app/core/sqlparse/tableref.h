#pragma once

#include <QString>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// A table as a statement names it (a RangeVar of the parse tree): the schema is empty when the
// statement does not give one.
struct TableRef
{
    QString schema;
    QString name;

    // nullptr: no table (an empty name matches nothing a statement names).
    static TableRef of(const PgQuery__RangeVar *rangeVar)
    {
        if (!rangeVar)
            return {};
        return {QString::fromUtf8(rangeVar->schemaname), QString::fromUtf8(rangeVar->relname)};
    }

    // The same name, and the same schema unless either leaves the schema out.
    bool matches(const TableRef &other) const
    {
        return name == other.name
            && (schema.isEmpty() || other.schema.isEmpty() || schema == other.schema);
    }
};

} // namespace uaip
