#pragma once

#include "queryshape.h"

#include "db/dbresult.h"

namespace uaip {

class PgConnection;

// Whether a statement of the workload may be planned as the console's role. The planner folds
// immutable functions of constants and expands views, policies and index expressions, so
// planning a statement can run a function; written by a role with fewer rights than the
// console's (a superuser, often), it would run with the console's. A statement is refused when
// it names a function or operator, or reads a relation (or a view under it) whose rules,
// indexes, constraints, policies, statistics or partition key depend on a function, that is
// not pg_catalog's, a superuser's or the console's own role's (insights/sql/plan_safety.sql).
// Relations are the statement's as resolved in the caller's transaction (its search_path).
class PlanSafety
{
public:
    // Why the statement must not be planned here; empty when it may be.
    static DbResult<QString> refusal(PgConnection &connection, const QueryShape &shape,
                                     const QList<qint64> &relations);
};

} // namespace uaip
