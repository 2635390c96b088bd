#pragma once

#include "explainresult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace uaip {

// The plan summary `uaip-migrate explain` prints: the top nodes by exclusive time (or cost,
// without ANALYZE) with their share of the total, and the nodes whose row estimate is off by
// 10x or more; as text or as one JSON object (every node, with its derived figures).
class ExplainSummary
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainSummary)

public:
    static QString text(const ExplainResult &result, int top = 5);
    static QJsonObject json(const ExplainResult &result, int top = 5);
    // "Hash Join  12.3 ms (45.6 %)  rows 1000 of 10 estimated (100x under)  loops 1"
    static QString nodeLine(const ExplainPlan &plan, const PlanNode &node);
};

} // namespace uaip
