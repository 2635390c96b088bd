#include "democonversationgenerator.h"

#include "copyrowwriter.h"
#include "demorandom.h"
#include "demovocabulary.h"
#include "demoworkgenerator.h"

#include <string>

namespace uaip {

namespace {

using V = DemoVocabulary;
constexpr qint64 kTurnSeconds = 90; // messages of a thread are this far apart, plus jitter

} // namespace

struct DemoConversationGenerator::Thread
{
    qint64 user = 0;
    qint64 agent = 0;
    qint64 created = 0;
    int model = 0;
    int question = 0;
};

DemoConversationGenerator::DemoConversationGenerator(const DemoDataPlan &plan,
                                                     const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_entities(plan, options)
{ }

void DemoConversationGenerator::writeContext(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::ConversationContexts), i);
    const std::string type = r.weighted(
        {{"conversation", 5}, {"task", 2}, {"operation", 1}, {"discussion", 1}, {"learning", 1}});
    const qint64 topic = r.between(0, qint64(V::topics().size()) - 1);
    const qint64 created = DemoWorkGenerator::recentTime(r, m_options.anchorEpoch, 150);
    const qint64 accessed = created + r.between(60, 20 * 86400);
    const auto [hi, lo] = m_entities.id(DemoTable::ConversationContexts, i);
    const auto [ahi, alo] = m_entities.id(DemoTable::Agents, i % count(DemoTable::Agents));
    const auto [shi, slo] = DemoRandom::uuid(m_options.seed, 400, i); // client session key
    w.uuid(hi, lo);
    w.uuid(ahi, alo);
    if (r.chance(0.8)) {
        const auto [uhi, ulo]
            = m_entities.id(DemoTable::Users, r.between(0, count(DemoTable::Users) - 1));
        w.uuid(uhi, ulo);
    } else {
        w.null();
    }
    w.uuid(shi, slo);
    w.text(type);
    w.text(V::topics()[std::size_t(topic)]);
    w.text("{\"topic\": \"" + std::string(V::topics()[std::size_t(topic)])
           + "\", \"turns\": " + std::to_string(r.between(1, 60)) + "}");
    w.integer(qint64(1) << r.between(12, 17)); // 4096 .. 131072 tokens
    w.timestamp(accessed);
    w.integer(r.between(1, 200));
    w.timestamp(created);
    w.timestamp(accessed);
    w.endRow();
}

DemoConversationGenerator::Thread DemoConversationGenerator::thread(qint64 t) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Threads), t);
    Thread x;
    x.user = r.between(0, count(DemoTable::Users) - 1);
    x.agent = r.between(0, count(DemoTable::Agents) - 1);
    x.created = DemoWorkGenerator::recentTime(r, m_options.anchorEpoch, 90);
    x.model = int(r.between(0, qint64(V::models().size()) - 1));
    x.question = int(r.between(0, qint64(V::questions().size()) - 1));
    return x;
}

qint64 DemoConversationGenerator::messageTime(const Thread &x, int j) const
{
    // The question opens the thread; jitter below the turn length keeps the answers in order.
    if (j == 0)
        return x.created;
    return x.created + j * kTurnSeconds
        + qint64(DemoRandom::mix(quint64(x.created) * 31 + quint64(j)) % (kTurnSeconds - 10));
}

void DemoConversationGenerator::writeThread(qint64 t, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, 410, t);
    const Thread x = thread(t);
    const int n = DemoDataPlan::messagesOf(t);
    const auto [hi, lo] = m_entities.id(DemoTable::Threads, t);
    const auto [uhi, ulo] = m_entities.id(DemoTable::Users, x.user);
    const auto [ahi, alo] = m_entities.id(DemoTable::Agents, x.agent);
    const auto [phi, plo] = m_entities.id(DemoTable::Personas, t % count(DemoTable::Personas));
    w.uuid(hi, lo);
    w.uuid(uhi, ulo);
    w.uuid(ahi, alo);
    w.uuid(phi, plo);
    if (r.chance(0.3)) {
        const auto [dhi, dlo] = m_entities.id(DemoTable::Discussions,
                                              r.between(0, count(DemoTable::Discussions) - 1));
        w.uuid(dhi, dlo);
    } else {
        w.null();
    }
    w.text(V::questions()[std::size_t(x.question)]);
    w.text(r.weighted({{"active", 5}, {"archived", 3}, {"closed", 2}}));
    w.text(V::models()[std::size_t(x.model)]);
    w.text("[\"demo\"]");
    w.timestamp(x.created);
    w.timestamp(messageTime(x, n - 1));
    w.endRow();
}

void DemoConversationGenerator::writeMessage(qint64 t, int j, qint64 row, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Messages), row);
    const Thread x = thread(t);
    const bool fromUser = j % 2 == 0;
    const auto [hi, lo] = m_entities.id(DemoTable::Messages, row);
    const auto [thi, tlo] = m_entities.id(DemoTable::Threads, t);
    w.uuid(hi, lo);
    w.uuid(thi, tlo);
    if (j > 0) {
        const auto [phi, plo] = m_entities.id(DemoTable::Messages, row - 1);
        w.uuid(phi, plo);
    } else {
        w.null();
    }
    w.text(fromUser ? "user" : "assistant");
    const std::string question = j == 0
        ? V::questions()[std::size_t(x.question)]
        : V::questions()[std::size_t(r.between(0, qint64(V::questions().size()) - 1))];
    if (fromUser) {
        const auto [uhi, ulo] = m_entities.id(DemoTable::Users, x.user);
        w.uuid(uhi, ulo);
        w.null();
        w.text(j == 0 ? question : "Follow-up: " + question);
        w.null();
        w.null();
        w.null();
        w.null();
    } else {
        const auto [ahi, alo] = m_entities.id(DemoTable::Agents, x.agent);
        w.null();
        w.uuid(ahi, alo);
        w.text("Here is what I found. The records agree on the main points; two details need "
               "a second source, listed below.\n- employment dates: confirmed\n- role title: "
               "to be checked");
        w.text(V::models()[std::size_t(x.model)]);
        w.integer(r.between(200, 6000));
        w.integer(r.between(40, 1500));
        w.text(r.chance(0.95) ? "stop" : "length");
    }
    const qint64 at = messageTime(x, j);
    w.timestamp(at);
    w.timestamp(at);
    w.endRow();
}

} // namespace uaip
