#include "plansafety.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "sqlparse/queryrunningfunctions.h"

namespace uaip {

Result<QString> PlanSafety::refusal(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("insights", "plan_safety"),
                                       {QueryRunningFunctions::json()});
    if (!r.ok())
        return Error(r.error());
    return r.rows() == 0 ? QString() : r.value(0, "refusal");
}

} // namespace uaip
