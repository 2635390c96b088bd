#pragma once

#include "demotable.h"

#include <QtGlobal>

#include <array>

namespace uaip {

// How many rows 'seed demo --scale N' writes to each table. N is the number of metric rows
// (persona_analytics + agent_capability_metrics, 60 % / 40 %); the other tables grow with N
// within caps, so a 10-million-row load still has a believable number of agents and users.
struct DemoDataPlan
{
    static constexpr int kPersonaMetrics = 10; // metric names per persona
    static constexpr int kCapabilitiesPerAgent = 4; // capabilities measured per agent
    static constexpr int kAgentMetricTypes = 5; // metric types per capability
    static constexpr qint64 kMaxScale = 1000000000;

    qint64 scale = 0;
    std::array<qint64, kDemoTableCount> rows{};
    int personaSeriesDays = 0; // length of a daily persona series
    int agentSeriesDays = 0; // length of a daily agent series

    static DemoDataPlan forScale(qint64 metricRows);

    qint64 rowsOf(DemoTable table) const { return rows[std::size_t(table)]; }
    qint64 totalRows() const;
    qint64 metricRows() const;

    // Participants of discussion i (3..6) and the row of its first participant.
    static int participantsOf(qint64 discussion) { return 3 + int(discussion % 4); }
    static qint64 firstParticipantRow(qint64 discussion);
    // Interactions of AI session i (2..8) and the row of its first interaction.
    static int interactionsOf(qint64 session) { return 2 + int(session % 7); }
    static qint64 firstInteractionRow(qint64 session);
    // Messages of thread i (2..9) and the row of its first message.
    static int messagesOf(qint64 thread) { return 2 + int(thread % 8); }
    static qint64 firstMessageRow(qint64 thread);
};

} // namespace uaip
