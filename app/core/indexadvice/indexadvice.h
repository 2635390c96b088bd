#pragma once

#include "indexcandidate.h"

#include <QList>
#include <QString>

namespace uaip {

// One proposed index (IndexAdvisor), proven with a hypothetical index: the statements it serves
// (their queryid, calls and text), the planner's cost of each one's generic plan before and
// after, and the plans' shapes. costBefore and costAfter are those of the statement the index
// helps most (by calls times cost saved).
struct IndexAdvice
{
    struct Served
    {
        QString queryId;
        QString query;
        qint64 calls = 0;
        double meanMs = 0;
        double costBefore = 0;
        double costAfter = 0;
        QString planBefore; // "Limit > Sort > Seq Scan on events"
        QString planAfter;
    };

    IndexCandidate index;
    QList<Served> served;

    double costBefore() const;
    double costAfter() const;
    // Cost units the planner expects saved over every call counted.
    double saving() const;
};

} // namespace uaip
