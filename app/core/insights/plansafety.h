#pragma once

#include "db/dbresult.h"

namespace uaip {

class PgConnection;

// Whether the statements of the workload may be planned as the connected role. Planning runs
// code: the planner folds immutable functions of constants and inlines SQL functions, column
// defaults, casts, operators, views and policies, and what it reaches is a function. A function
// written by a role with fewer rights (not a superuser, not the connected role, not the
// database's owner) would run with the connected role's, and a schema of the search_path can
// shadow any name, so no statement is planned while such a function exists in the database
// (insights/sql/plan_safety.sql); the refusal names the role and the function. Checked once,
// before anything is resolved or prepared under a statement's search_path.
class PlanSafety
{
public:
    // Why no statement may be planned here; empty when they may.
    static DbResult<QString> refusal(PgConnection &connection);
};

} // namespace uaip
