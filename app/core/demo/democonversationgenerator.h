#pragma once

#include "demodataoptions.h"
#include "demodataplan.h"
#include "demoentitygenerator.h"

#include <QtGlobal>

namespace uaip {

class CopyRowWriter;

// Rows of the conversation tables of the demo data: the agents' conversation contexts, and
// the chat threads with their messages (user and assistant taking turns, each message the
// reply to the one before, times increasing). Pure functions of (seed, index).
class DemoConversationGenerator
{
public:
    DemoConversationGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    void writeContext(qint64 i, CopyRowWriter &w) const;
    void writeThread(qint64 t, CopyRowWriter &w) const;
    // Message j (0-based) of thread t; row is its index in the table.
    void writeMessage(qint64 t, int j, qint64 row, CopyRowWriter &w) const;

private:
    struct Thread;
    Thread thread(qint64 t) const;
    qint64 messageTime(const Thread &x, int j) const;
    qint64 count(DemoTable table) const { return m_plan.rowsOf(table); }

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
    DemoEntityGenerator m_entities;
};

} // namespace uaip
