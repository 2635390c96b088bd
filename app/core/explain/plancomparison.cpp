#include "plancomparison.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace uaip {

PlanComparison::PlanComparison(const ExplainPlan &a, const ExplainPlan &b)
    : m_inMs(a.analyzed() && b.analyzed())
{
    QHash<QString, int> index;
    const auto add = [&](const ExplainPlan &plan, bool first) {
        for (const PlanNode &n : plan.nodes()) {
            auto it = index.find(n.nodeType);
            if (it == index.end()) {
                it = index.insert(n.nodeType, int(m_kinds.size()));
                PlanKindDelta k;
                k.kind = n.nodeType;
                m_kinds.append(k);
            }
            PlanKindDelta &k = m_kinds[*it];
            const double value = measure(plan, n.id);
            if (first) {
                ++k.countA;
                k.a += value;
                m_totalA += value;
            } else {
                ++k.countB;
                k.b += value;
                m_totalB += value;
            }
        }
    };
    add(a, true);
    add(b, false);
    std::stable_sort(m_kinds.begin(), m_kinds.end(),
                     [](const PlanKindDelta &x, const PlanKindDelta &y) {
                         return std::abs(x.delta()) > std::abs(y.delta());
                     });
    pair(a, b);
}

double PlanComparison::measure(const ExplainPlan &plan, int id) const
{
    const PlanNode &n = plan.nodes().at(id);
    return m_inMs ? n.exclusiveMs : n.exclusiveCost;
}

void PlanComparison::pair(const ExplainPlan &a, const ExplainPlan &b)
{
    m_aToB = QList<int>(a.nodes().size(), -1);
    m_bToA = QList<int>(b.nodes().size(), -1);
    // key of a node -> the nodes of b with it, depth-first, not yet paired
    const auto match = [&](auto key) {
        QHash<QString, QList<int>> open;
        for (const PlanNode &n : b.nodes())
            if (m_bToA.at(n.id) < 0 && !key(n).isEmpty())
                open[key(n)].append(n.id);
        for (const PlanNode &n : a.nodes()) {
            if (m_aToB.at(n.id) >= 0 || key(n).isEmpty())
                continue;
            QList<int> &candidates = open[key(n)];
            if (candidates.isEmpty())
                continue;
            const int other = candidates.takeFirst();
            m_aToB[n.id] = other;
            m_bToA[other] = n.id;
        }
    };
    match([](const PlanNode &n) {
        return n.relation.isEmpty() ? QString() : n.relation + u'\x1f' + n.alias;
    });
    match([](const PlanNode &n) { return n.nodeType; });
}

} // namespace uaip
