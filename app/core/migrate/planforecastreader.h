#pragma once

#include "migrationstatus.h"
#include "planforecast.h"

#include <QList>

namespace uaip {

class PgConnection;

// Reads a PlanForecast on the target: the forecast of each script of the plan (up or down) from
// its typed parse tree, the live sizes of the relations they lock (RelationSizes, one statement)
// and, when asked, the sessions holding a conflicting lock on each now (LockBlockers, one
// statement). Read-only; a failed read leaves error set and what was read.
class PlanForecastReader
{
public:
    static PlanForecast read(PgConnection &connection, const QList<MigrationStatus> &plan, bool up,
                             bool withHolders);
};

} // namespace uaip
