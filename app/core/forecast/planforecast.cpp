#include "planforecast.h"

namespace uaip {

QStringList PlanForecast::relationNames() const
{
    QStringList names;
    for (const Script &script : scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (!lock.relation.isEmpty() && !names.contains(lock.relation))
                    names << lock.relation;
    return names;
}

} // namespace uaip
