#pragma once

#include "db/dbresult.h"
#include "explain/explainplan.h"

#include <QString>

namespace uaip {

class PgConnection;

// The generic plan of a normalized statement ($n for its constants, as pg_stat_statements
// keeps it): prepared (its parameters' types inferred) and explained with every parameter
// unknown, inside the caller's transaction (read-only: EXPLAIN without ANALYZE runs nothing)
// once useGenericPlans() set plan_cache_mode = force_generic_plan for it. The statement is prepared
// afresh for each plan, so hypothetical indexes made since are seen, and deallocated before plan()
// returns; a failure is rolled back to a savepoint, so the transaction goes on. The console's own
// plans are left out of the workload it reads (insights/sql/top_queries.sql).
class GenericPlan
{
public:
    explicit GenericPlan(PgConnection &connection);

    // plan_cache_mode = force_generic_plan for the rest of the caller's transaction.
    DbStatus useGenericPlans();
    // role: the role that ran the statement; its names are resolved under that role's
    // search_path (role_search_path.sql), and the transaction's search_path is pinned to
    // pg_catalog again before plan() returns (InsightsTransaction).
    DbResult<ExplainPlan> plan(const QString &query, int parameters, const QString &role);
    // The same search_path change around any reading of the statement's names.
    DbStatus useSearchPathOf(const QString &role);
    DbStatus pinSearchPath();
    // The plan's nodes depth first: "Limit > Sort > Seq Scan on events"; an index of hypopg
    // ("<13557>btree_events_agent_id") named hypotheticalName.
    static QString shape(const ExplainPlan &plan, const QString &hypotheticalName = QString());

private:
    // prepare, explain (its EXPLAIN EXECUTE names nothing a search_path could shadow),
    // deallocate
    DbResult<ExplainPlan> planHere(const QString &query, int parameters);
    PgError undo(const PgError &error);

    PgConnection &m_connection;
};

} // namespace uaip
