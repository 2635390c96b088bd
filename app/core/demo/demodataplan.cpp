#include "demodataplan.h"

#include <algorithm>

namespace uaip {

namespace {

qint64 clampRows(qint64 v, qint64 lo, qint64 hi)
{
    return std::clamp(v, lo, hi);
}

} // namespace

DemoDataPlan DemoDataPlan::forScale(qint64 metricRows)
{
    DemoDataPlan p;
    p.scale = std::clamp<qint64>(metricRows, 0, kMaxScale);
    const qint64 n = p.scale;
    auto set = [&p](DemoTable t, qint64 v) { p.rows[std::size_t(t)] = v; };
    const qint64 users = clampRows(n / 20000, 8, 500);
    const qint64 personas = clampRows(n / 10000, 4, 1000);
    const qint64 agents = clampRows(n / 5000, 4, 2000);
    const qint64 discussions = clampRows(n / 2000, 4, 5000);
    const qint64 sessions = clampRows(n / 1000, 10, 20000);
    set(DemoTable::Users, users);
    set(DemoTable::Personas, personas);
    set(DemoTable::Agents, agents);
    set(DemoTable::Discussions, discussions);
    set(DemoTable::DiscussionParticipants, firstParticipantRow(discussions));
    set(DemoTable::ToolDefinitions, clampRows(n / 50000, 8, 24));
    set(DemoTable::ToolUsageRecords, clampRows(n / 50, 50, 200000));
    set(DemoTable::AiSessions, sessions);
    set(DemoTable::AiInteractions, firstInteractionRow(sessions));
    // The work and conversation tables: enough that each view and chart has rows to show.
    const qint64 threads = clampRows(n / 2000, 12, 5000);
    set(DemoTable::Operations, clampRows(n / 2000, 20, 5000));
    set(DemoTable::ToolExecutions, clampRows(n / 100, 40, 100000));
    set(DemoTable::Artifacts, clampRows(n / 4000, 12, 3000));
    set(DemoTable::ConversationContexts, clampRows(n / 4000, 12, 2000));
    set(DemoTable::Threads, threads);
    set(DemoTable::Messages, firstMessageRow(threads));
    const qint64 personaRows = n * 3 / 5;
    set(DemoTable::PersonaAnalytics, personaRows);
    set(DemoTable::AgentCapabilityMetrics, n - personaRows);
    // Daily series cover 4 to 12 months: long enough for trends and seasonality to show,
    // short enough that every persona and agent gets its series at small scales.
    const qint64 personaBase = personas * kPersonaMetrics;
    const qint64 agentBase = agents * kCapabilitiesPerAgent * kAgentMetricTypes;
    p.personaSeriesDays = int(clampRows(personaRows / personaBase, 120, 365));
    p.agentSeriesDays = int(clampRows((n - personaRows) / agentBase, 120, 365));
    return p;
}

qint64 DemoDataPlan::totalRows() const
{
    qint64 total = 0;
    for (const qint64 r : rows)
        total += r;
    return total;
}

qint64 DemoDataPlan::metricRows() const
{
    return rowsOf(DemoTable::PersonaAnalytics) + rowsOf(DemoTable::AgentCapabilityMetrics);
}

qint64 DemoDataPlan::firstParticipantRow(qint64 discussion)
{
    // sum over d < discussion of (3 + d % 4)
    const qint64 full = discussion / 4;
    const qint64 rest = discussion % 4;
    return 3 * discussion + full * 6 + rest * (rest - 1) / 2;
}

qint64 DemoDataPlan::firstInteractionRow(qint64 session)
{
    // sum over s < session of (2 + s % 7)
    const qint64 full = session / 7;
    const qint64 rest = session % 7;
    return 2 * session + full * 21 + rest * (rest - 1) / 2;
}

qint64 DemoDataPlan::firstMessageRow(qint64 thread)
{
    // sum over t < thread of (2 + t % 8)
    const qint64 full = thread / 8;
    const qint64 rest = thread % 8;
    return 2 * thread + full * 28 + rest * (rest - 1) / 2;
}

} // namespace uaip
