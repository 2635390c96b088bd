#pragma once

#include "demodataoptions.h"
#include "demodataplan.h"
#include "demoentitygenerator.h"

#include <QtGlobal>

namespace uaip {

class CopyRowWriter;

// Rows of the "what happened" tables of the demo data: tool definitions and their usage,
// AI sessions and their interactions. A session's totals (interaction count, tokens, cost,
// last activity) add up exactly over its interactions: both are derived from the same draws.
class DemoActivityGenerator
{
public:
    DemoActivityGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    void writeToolDefinition(qint64 i, CopyRowWriter &w) const;
    void writeToolUsage(qint64 i, CopyRowWriter &w) const;
    void writeSession(qint64 s, CopyRowWriter &w) const;
    // Interaction j (0-based) of session s; row is its index in the table.
    void writeInteraction(qint64 s, int j, qint64 row, CopyRowWriter &w) const;

private:
    struct Session;
    struct Interaction;
    Session session(qint64 s) const;
    Interaction interaction(qint64 s, int j) const;
    // A time in the year before the anchor, weekdays and office hours more likely.
    static qint64 busyTime(class DemoRandom &r, qint64 anchor, int days);

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
    DemoEntityGenerator m_entities;
};

} // namespace uaip
