#pragma once

#include <QString>

namespace uaip {

// One node kind ("Seq Scan", "Hash Join", ...) in two plans (PlanComparison): how many nodes
// of it each has and their exclusive time (or cost, when a plan has no ANALYZE) summed.
struct PlanKindDelta
{
    QString kind;
    int countA = 0;
    int countB = 0;
    double a = 0;
    double b = 0;

    double delta() const { return b - a; }
};

} // namespace uaip
