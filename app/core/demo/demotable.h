#pragma once

#include <QByteArray>
#include <QString>

#include <array>

namespace uaip {

// The tables the demo data fills, in load order (every table only references earlier ones).
enum class DemoTable {
    Users,
    Personas,
    Agents,
    Discussions,
    DiscussionParticipants,
    ToolDefinitions,
    ToolUsageRecords,
    AiSessions,
    AiInteractions,
    PersonaAnalytics,
    AgentCapabilityMetrics,
    Operations,
    ToolExecutions,
    Artifacts,
    ConversationContexts,
    Threads,
    Messages,
};

inline constexpr int kDemoTableCount = 17;
inline constexpr std::array<DemoTable, kDemoTableCount> kDemoTables{
    DemoTable::Users,
    DemoTable::Personas,
    DemoTable::Agents,
    DemoTable::Discussions,
    DemoTable::DiscussionParticipants,
    DemoTable::ToolDefinitions,
    DemoTable::ToolUsageRecords,
    DemoTable::AiSessions,
    DemoTable::AiInteractions,
    DemoTable::PersonaAnalytics,
    DemoTable::AgentCapabilityMetrics,
    DemoTable::Operations,
    DemoTable::ToolExecutions,
    DemoTable::Artifacts,
    DemoTable::ConversationContexts,
    DemoTable::Threads,
    DemoTable::Messages};

// The SQL table name, e.g. "persona_analytics".
QString demoTableName(DemoTable table);
// The COPY ... FROM STDIN statement (demo/sql/copy_<table>.sql); its column list is the
// order in which the generator writes the fields.
QByteArray demoTableCopySql(DemoTable table);
// The metric (time series) tables: what --scale counts.
bool demoTableIsMetric(DemoTable table);

} // namespace uaip
