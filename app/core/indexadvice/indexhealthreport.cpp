#include "indexhealthreport.h"

namespace uaip {

QStringList IndexHealthReport::lockedTables() const
{
    QStringList out;
    for (const IndexInfo &i : indexes)
        if (i.locked && !out.contains(i.qualifiedTable()))
            out << i.qualifiedTable();
    return out;
}

} // namespace uaip
