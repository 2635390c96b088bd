#pragma once

#include "explainplan.h"
#include "plankinddelta.h"

#include <QList>

namespace uaip {

// Two plans side by side (a: the earlier or left, b: the other): per node kind the exclusive
// time in each and the difference, largest difference first; and which node of one plan is
// the counterpart of a node of the other. Times when both plans have ANALYZE, costs otherwise
// (a plan without ANALYZE has no times).
//
// Counterparts: nodes that scan the same relation under the same alias are paired (the n-th
// such node of a with the n-th of b, depth-first), so a Seq Scan on t pairs with the Index
// Scan on t that replaced it; the nodes left are paired by kind in depth-first order.
class PlanComparison
{
public:
    PlanComparison(const ExplainPlan &a, const ExplainPlan &b);

    bool inMs() const { return m_inMs; }
    double totalA() const { return m_totalA; }
    double totalB() const { return m_totalB; }
    const QList<PlanKindDelta> &kinds() const { return m_kinds; }
    // The node of b paired with node id of a, and the other way round; -1 when none.
    int matchInB(int idA) const { return m_aToB.value(idA, -1); }
    int matchInA(int idB) const { return m_bToA.value(idB, -1); }

private:
    double measure(const ExplainPlan &plan, int id) const;
    void pair(const ExplainPlan &a, const ExplainPlan &b);

    bool m_inMs = false;
    double m_totalA = 0;
    double m_totalB = 0;
    QList<PlanKindDelta> m_kinds;
    QList<int> m_aToB;
    QList<int> m_bToA;
};

} // namespace uaip
