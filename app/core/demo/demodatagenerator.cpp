#include "demodatagenerator.h"

#include "copyrowwriter.h"

namespace uaip {

DemoDataGenerator::DemoDataGenerator(const DemoDataPlan &plan, const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_entities(plan, options)
    , m_activity(plan, options)
    , m_series(plan, options)
    , m_work(plan, options)
    , m_conversations(plan, options)
{ }

qint64 DemoDataGenerator::fill(DemoTable table, CopyRowWriter &w, qsizetype targetBytes)
{
    Cursor &c = m_cursors[std::size_t(table)];
    const qint64 total = m_plan.rowsOf(table);
    const QByteArray *buffer = w.buffer();
    qint64 n = 0;
    while (c.row < total && buffer->size() < targetBytes) {
        writeRow(table, c, w);
        ++c.row;
        ++n;
    }
    return n;
}

void DemoDataGenerator::writeRow(DemoTable table, Cursor &c, CopyRowWriter &w)
{
    switch (table) {
    case DemoTable::Users:
        m_entities.writeUser(c.row, w);
        break;
    case DemoTable::Personas:
        m_entities.writePersona(c.row, w);
        break;
    case DemoTable::Agents:
        m_entities.writeAgent(c.row, w);
        break;
    case DemoTable::Discussions:
        m_entities.writeDiscussion(c.row, w);
        break;
    case DemoTable::DiscussionParticipants:
        m_entities.writeParticipant(c.group, c.item, c.row, w);
        nextItem(c, DemoDataPlan::participantsOf(c.group));
        break;
    case DemoTable::ToolDefinitions:
        m_activity.writeToolDefinition(c.row, w);
        break;
    case DemoTable::ToolUsageRecords:
        m_activity.writeToolUsage(c.row, w);
        break;
    case DemoTable::AiSessions:
        m_activity.writeSession(c.row, w);
        break;
    case DemoTable::AiInteractions:
        m_activity.writeInteraction(c.group, c.item, c.row, w);
        nextItem(c, DemoDataPlan::interactionsOf(c.group));
        break;
    case DemoTable::PersonaAnalytics:
        if (c.item == 0) {
            c.groupLength = m_series.personaSeriesLength(c.group);
            m_series.beginPersonaSeries(c.group);
        }
        m_series.writePersonaPoint(c.item, c.row, w);
        nextItem(c, c.groupLength);
        break;
    case DemoTable::AgentCapabilityMetrics:
        if (c.item == 0) {
            c.groupLength = m_series.agentSeriesLength(c.group);
            m_series.beginAgentSeries(c.group);
        }
        m_series.writeAgentPoint(c.item, c.row, w);
        nextItem(c, c.groupLength);
        break;
    case DemoTable::Operations:
        m_work.writeOperation(c.row, w);
        break;
    case DemoTable::ToolExecutions:
        m_work.writeToolExecution(c.row, w);
        break;
    case DemoTable::Artifacts:
        m_work.writeArtifact(c.row, w);
        break;
    case DemoTable::ConversationContexts:
        m_conversations.writeContext(c.row, w);
        break;
    case DemoTable::Threads:
        m_conversations.writeThread(c.row, w);
        break;
    case DemoTable::Messages:
        m_conversations.writeMessage(c.group, c.item, c.row, w);
        nextItem(c, DemoDataPlan::messagesOf(c.group));
        break;
    case DemoTable::TokenConsumption:
        m_activity.writeTokenConsumption(c.row, w);
        break;
    }
}

void DemoDataGenerator::nextItem(Cursor &c, int groupLength)
{
    if (++c.item >= groupLength) {
        ++c.group;
        c.item = 0;
    }
}

} // namespace uaip
