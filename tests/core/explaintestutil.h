#pragma once

#include "explain/explainplan.h"

namespace uaip::test {

// The sum of every node's exclusive time, added up here rather than by the class under test:
// it must equal the plan's total.
inline double exclusiveSum(const ExplainPlan &plan)
{
    double sum = 0;
    for (const PlanNode &n : plan.nodes())
        sum += n.exclusiveMs;
    return sum;
}

} // namespace uaip::test
