#pragma once

#include "error/result.h"
#include "error/status.h"
#include "explain/explainplan.h"

#include <QCoreApplication>
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
//
// Planning runs code, so it happens only on a seat PlanningLogins chose: a session logged in as
// a role with no right the statement's role lacks. actAs checks that again in the transaction
// (insights/sql/planning_rights.sql) and acts as the role that ran the statement; PlanSafety
// (no code of a role lesser than the statement's in reach) is checked there and again once the
// statement is prepared, right before it is planned, under a pinned search_path.
class GenericPlan
{
    Q_DECLARE_TR_FUNCTIONS(uaip::GenericPlan)

public:
    explicit GenericPlan(PgConnection &connection);

    // For the rest of the caller's transaction: act as role (act_as_role.sql) once this session
    // may plan its statements (planning_rights.sql), and on a superuser's session check
    // PlanSafety as it. The refusal when the statement may not be planned here (the transaction
    // is then unusable), empty when it may.
    Result<QString> actAs(const QString &role);

    PgConnection &connection() const { return m_connection; }

    // plan_cache_mode = force_generic_plan for the rest of the caller's transaction.
    Status useGenericPlans();
    // role: the role that ran the statement; its names are resolved under that role's
    // search_path (role_search_path.sql), and the transaction's search_path is pinned to
    // pg_catalog again before plan() returns (InsightsReading).
    Result<ExplainPlan> plan(const QString &query, int parameters, const QString &role);
    // The same search_path change around any reading of the statement's names.
    Status useSearchPathOf(const QString &role);
    Status pinSearchPath();
    // The plan's nodes depth first: "Limit > Sort > Seq Scan on events"; an index of hypopg
    // ("<13557>btree_events_agent_id") named hypotheticalName.
    static QString shape(const ExplainPlan &plan, const QString &hypotheticalName = QString());

private:
    // prepare, explain (its EXPLAIN EXECUTE names nothing a search_path could shadow),
    // deallocate
    Result<ExplainPlan> planHere(const QString &query, int parameters, const QString &role);
    // Once prepared: PlanSafety's refusal read under the pinned search_path, then role's
    // search_path set again as it was at PREPARE (a different one would have the statement
    // parsed anew when it is planned); ok when it may be planned.
    Status refusedNow(const QString &role);

    PgConnection &m_connection;
};

} // namespace uaip
