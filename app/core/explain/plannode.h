#pragma once

#include <QList>
#include <QString>

namespace uaip {

// One node of an EXPLAIN (FORMAT JSON) plan, with what ExplainPlan derives from it. Times in
// milliseconds; "inclusive" counts the node with everything below it over all its loops,
// "exclusive" without its children. Rows are per loop, as the server reports them.
struct PlanNode
{
    int id = 0; // index in ExplainPlan::nodes(), depth-first (the root is 0)
    int parent = -1;
    int depth = 0;
    QList<int> children;

    QString nodeType; // "Hash Join", "Seq Scan", ...
    QString relation; // "Relation Name"
    QString alias;
    QString indexName;
    QString joinType;
    QString parentRelationship; // "Outer", "Inner", "InitPlan", "SubPlan", ...
    QString subplanName;
    QString condition; // Hash Cond / Index Cond / Join Filter / Filter / Recheck Cond
    QString conditionKind; // which of them condition is: "Filter", "Index Cond", ...
    double startupCost = 0;
    double totalCost = 0;
    double planRows = 0;
    int planWidth = 0;

    // ANALYZE only
    double actualStartupMs = 0;
    double actualTotalMs = 0; // per loop
    double actualRows = 0; // per loop
    double loops = 0;
    bool neverExecuted = false;
    int workersLaunched = 0;
    double rowsRemovedByFilter = 0;

    // BUFFERS only (blocks, over all loops)
    qint64 sharedHit = 0;
    qint64 sharedRead = 0;
    qint64 sharedDirtied = 0;
    qint64 sharedWritten = 0;
    qint64 tempRead = 0;
    qint64 tempWritten = 0;

    // Derived (ExplainPlan)
    double inclusiveMs = 0; // wall time of the node and below, over all loops
    double exclusiveMs = 0; // inclusiveMs minus the children's, never below 0
    // What the planner expects of the node's run: 1, or less below a Limit, which stops its
    // input early (a Seq Scan of 3,000 cost units under a LIMIT 1 costing 0.1 runs for 0.1).
    double runFraction = 1;
    // The cost the plan expects the node to spend: startup + (total - startup) * runFraction.
    double expectedCost = 0;
    // expectedCost minus the children's (plans without ANALYZE), never below 0.
    double exclusiveCost = 0;
    // actual rows / estimated rows (both at least 1): > 1 underestimated, < 1 overestimated.
    double estimateRatio = 1;
    bool misestimated = false; // off by 10x or more either way (executed nodes only)

    // "Hash Join", "Seq Scan on t a", "Index Scan using i on t": what the tree shows.
    QString label() const;
    // How far the estimate is off: 100 for 100x either way.
    double misestimateFactor() const
    {
        return estimateRatio >= 1 ? estimateRatio : 1 / estimateRatio;
    }
};

} // namespace uaip
