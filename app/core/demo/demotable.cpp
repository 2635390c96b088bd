#include "demotable.h"

#include "db/sqlresource.h"

namespace uaip {

QString demoTableName(DemoTable table)
{
    switch (table) {
    case DemoTable::Users:
        return QStringLiteral("users");
    case DemoTable::Personas:
        return QStringLiteral("personas");
    case DemoTable::Agents:
        return QStringLiteral("agents");
    case DemoTable::Discussions:
        return QStringLiteral("discussions");
    case DemoTable::DiscussionParticipants:
        return QStringLiteral("discussion_participants");
    case DemoTable::ToolDefinitions:
        return QStringLiteral("tool_definitions");
    case DemoTable::ToolUsageRecords:
        return QStringLiteral("tool_usage_records");
    case DemoTable::AiSessions:
        return QStringLiteral("ai_sessions");
    case DemoTable::AiInteractions:
        return QStringLiteral("ai_interactions");
    case DemoTable::PersonaAnalytics:
        return QStringLiteral("persona_analytics");
    case DemoTable::AgentCapabilityMetrics:
        return QStringLiteral("agent_capability_metrics");
    case DemoTable::Operations:
        return QStringLiteral("operations");
    case DemoTable::ToolExecutions:
        return QStringLiteral("tool_executions");
    case DemoTable::Artifacts:
        return QStringLiteral("artifacts");
    case DemoTable::ConversationContexts:
        return QStringLiteral("conversation_contexts");
    case DemoTable::Threads:
        return QStringLiteral("threads");
    case DemoTable::Messages:
        return QStringLiteral("messages");
    case DemoTable::TokenConsumption:
        return QStringLiteral("token_consumption");
    }
    return QString();
}

QByteArray demoTableCopySql(DemoTable table)
{
    return SqlResource::get(QStringLiteral("demo/sql/copy_%1.sql").arg(demoTableName(table)));
}

bool demoTableIsMetric(DemoTable table)
{
    return table == DemoTable::PersonaAnalytics || table == DemoTable::AgentCapabilityMetrics;
}

} // namespace uaip
