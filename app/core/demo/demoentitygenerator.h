#pragma once

#include "demodataoptions.h"
#include "demodataplan.h"

#include <QtGlobal>

#include <string>
#include <utility>

namespace uaip {

class CopyRowWriter;

// Rows of the "who" tables of the demo data: users, personas, agents, discussions and their
// participants. Every row is a pure function of (seed, index); ids are derived the same way,
// so other generators reference row i of a table without keeping anything in memory.
class DemoEntityGenerator
{
public:
    using Uuid = std::pair<quint64, quint64>;

    DemoEntityGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    void writeUser(qint64 i, CopyRowWriter &w) const;
    void writePersona(qint64 i, CopyRowWriter &w) const;
    void writeAgent(qint64 i, CopyRowWriter &w) const;
    void writeDiscussion(qint64 i, CopyRowWriter &w) const;
    // Participant j (0-based) of discussion d; row is its index in the table.
    void writeParticipant(qint64 d, int j, qint64 row, CopyRowWriter &w) const;

    Uuid id(DemoTable table, qint64 i) const;
    std::string userEmail(qint64 i) const;
    std::string userName(qint64 i) const;
    std::string personaName(qint64 i) const;
    std::string agentName(qint64 i) const;
    // Capability c (0..3) of agent i: distinct per agent.
    static const char *agentCapability(qint64 agent, int c);
    // The e-mail domain of this seed's demo users (tells whether a seed is loaded already).
    static std::string emailDomain(quint64 seed);

private:
    qint64 discussionCreated(qint64 d) const;
    qint64 count(DemoTable table) const { return m_plan.rowsOf(table); }

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
};

} // namespace uaip
