#pragma once

#include "db/dbresult.h"

namespace uaip {

class PgConnection;

// Whether a statement may be planned by the role the planning transaction acts as (current_user,
// GenericPlan::actAs: the role that ran it). Planning runs code: the planner folds immutable
// functions of constants and inlines SQL functions, column defaults, casts, operators, views and
// policies, and what it reaches is a function. A function written by a role with fewer rights (not
// a superuser, not that role, and for a role that is not a superuser not the database's owner)
// would run with that role's, and a schema of the search_path can shadow any name, so no
// statement is planned while such a function exists in the database
// (insights/sql/plan_safety.sql); the refusal names the role and the function. Checked as that
// role before anything is resolved under the statement's search_path, and again once it is
// prepared, right before it is planned, in the same transaction.
class PlanSafety
{
public:
    // Why no statement may be planned here; empty when they may.
    static DbResult<QString> refusal(PgConnection &connection);
};

} // namespace uaip
