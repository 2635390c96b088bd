#pragma once

#include "error/result.h"

namespace uaip {

class PgConnection;

// Whether a statement may be planned on a superuser's session (a superuser's statement; every
// other is planned on a session with no more rights than its role's: PlanningLogins). Planning
// runs code: the planner folds immutable
// functions of constants and inlines SQL functions, column defaults, casts, operators, views and
// policies, and what it reaches is a function. Acting as the statement's role
// (GenericPlan::actAs) does not contain that code, since it may set the role back to the
// session's login role; so a function written by a role with fewer rights than the login role
// (not a superuser, not it, not a role that has its privileges) would run with the login role's,
// and a schema of the search_path can shadow any name: no statement is planned while such a
// function exists in the database, nor a view, policy, default or CHECK of such a role that calls
// a function running the SQL it is given (QueryRunningFunctions) (insights/sql/plan_safety.sql);
// the refusal names the role and the object. Checked before anything is resolved under the
// statement's search_path, and again once it is prepared, right before it is planned, in the same
// transaction.
class PlanSafety
{
public:
    // Why no statement may be planned here; empty when they may.
    static Result<QString> refusal(PgConnection &connection);
};

} // namespace uaip
