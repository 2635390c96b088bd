#pragma once

#include "plannode.h"

#include "error/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// A plan from EXPLAIN (FORMAT JSON), with or without ANALYZE and BUFFERS, as a tree of
// PlanNodes (depth-first) with the exclusive time of every node: its total time times its loops
// minus its children's. Below a Gather the loops run in parallel processes, so a node's time
// there is divided by the processes (workers launched + the leader): wall time, not the sum of
// the processes' times. Nodes whose rows are off the estimate by 10x or more are flagged.
class ExplainPlan
{
public:
    // The server's JSON output (one row, one value); BadInput (why) when it is not a plan.
    static Result<ExplainPlan> fromJson(const QByteArray &json);

    const QList<PlanNode> &nodes() const { return m_nodes; }
    bool analyzed() const { return m_analyzed; }
    bool hasBuffers() const { return m_buffers; }
    double planningMs() const { return m_planningMs; }
    double executionMs() const { return m_executionMs; } // 0 without ANALYZE
    // The root's inclusive time (ANALYZE) or total cost.
    double total() const;
    // The node with the largest exclusive time (ANALYZE) or exclusive cost; -1 when empty.
    int mostExpensive() const;
    // Node ids by exclusive time (or cost), largest first.
    QList<int> byExclusive() const;
    // Node ids flagged misestimated, worst first.
    QList<int> misestimates() const;
    double exclusive(int id) const;
    // The JSON as the server gave it.
    const QByteArray &json() const { return m_json; }

private:
    void addNode(const QJsonObject &plan, int parent, int depth, int processes);

    QList<PlanNode> m_nodes;
    bool m_analyzed = false;
    bool m_buffers = false;
    double m_planningMs = 0;
    double m_executionMs = 0;
    QByteArray m_json;
};

} // namespace uaip
