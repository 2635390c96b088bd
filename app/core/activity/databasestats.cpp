#include "databasestats.h"

namespace uaip {

const TableStats *DatabaseStats::table(const QString &schema, const QString &name) const
{
    for (const TableStats &t : tables)
        if (t.schema == schema && t.table == name)
            return &t;
    return nullptr;
}

} // namespace uaip
