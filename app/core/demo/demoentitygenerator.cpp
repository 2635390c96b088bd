#include "demoentitygenerator.h"

#include "civiltime.h"
#include "copyrowwriter.h"
#include "demorandom.h"
#include "demovocabulary.h"

#include <cctype>

namespace uaip {

namespace {

constexpr int kDiscussionTimeStream = 100 + int(DemoTable::Discussions);
using V = DemoVocabulary;

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// ["a","b",...] of distinct items from list, starting at 'first' with stride 'step'.
std::string jsonList(DemoVocabulary::List list, qint64 first, int count, int step = 1)
{
    std::string s = "[";
    for (int k = 0; k < count; ++k) {
        if (k)
            s += ", ";
        s += '"';
        s += list[std::size_t((first + qint64(k) * step) % qint64(list.size()))];
        s += '"';
    }
    s += ']';
    return s;
}

const char *weighted(DemoRandom &r, std::initializer_list<std::pair<const char *, int>> items)
{
    int total = 0;
    for (const auto &item : items)
        total += item.second;
    qint64 x = r.between(0, total - 1);
    for (const auto &item : items) {
        if (x < item.second)
            return item.first;
        x -= item.second;
    }
    return items.begin()->first;
}

} // namespace

DemoEntityGenerator::DemoEntityGenerator(const DemoDataPlan &plan, const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
{ }

DemoEntityGenerator::Uuid DemoEntityGenerator::id(DemoTable table, qint64 i) const
{
    return DemoRandom::uuid(m_options.seed, int(table), i);
}

std::string DemoEntityGenerator::emailDomain(quint64 seed)
{
    return "demo" + std::to_string(seed) + ".uaip.test";
}

std::string DemoEntityGenerator::userName(qint64 i) const
{
    return std::string(V::firstNames()[std::size_t(i % 30)]) + " "
        + V::lastNames()[std::size_t((i / 30 + i * 7) % 30)];
}

std::string DemoEntityGenerator::userEmail(qint64 i) const
{
    return lower(V::firstNames()[std::size_t(i % 30)]) + "."
        + lower(V::lastNames()[std::size_t((i / 30 + i * 7) % 30)]) + "." + std::to_string(i) + "@"
        + emailDomain(m_options.seed);
}

std::string DemoEntityGenerator::personaName(qint64 i) const
{
    // Offset from the user names so personas and users rarely share a name.
    return std::string(V::firstNames()[std::size_t((i * 11 + 5) % 30)]) + " "
        + V::lastNames()[std::size_t((i / 30 * 13 + i * 17 + 3) % 30)];
}

std::string DemoEntityGenerator::agentName(qint64 i) const
{
    const auto codes = V::agentCodenames();
    std::string name = std::string(codes[std::size_t(i % qint64(codes.size()))]) + " "
        + V::capabilities()[std::size_t((i * 5) % 12)];
    for (char &c : name)
        if (c == '_')
            c = ' ';
    if (i >= qint64(codes.size()))
        name += " " + std::to_string(i / qint64(codes.size()) + 1);
    return name;
}

const char *DemoEntityGenerator::agentCapability(qint64 agent, int c)
{
    // (5a + 3c) mod 12 is distinct for c = 0..3.
    return V::capabilities()[std::size_t((agent * 5 + qint64(c) * 3) % 12)];
}

void DemoEntityGenerator::writeUser(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Users), i);
    const qint64 anchor = m_options.anchorEpoch;
    const auto [hi, lo] = id(DemoTable::Users, i);
    w.uuid(hi, lo);
    w.text(userEmail(i));
    w.text(V::firstNames()[std::size_t(i % 30)]);
    w.text(V::lastNames()[std::size_t((i / 30 + i * 7) % 30)]);
    w.text(r.pick(V::departments()));
    w.text(r.pick(V::userRoles()));
    // A well-formed bcrypt string that matches no password: demo users cannot log in.
    static constexpr char kAlphabet[]
        = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string hash = "$2a$12$";
    for (int k = 0; k < 53; ++k)
        hash += kAlphabet[r.between(0, 63)];
    w.text(hash);
    w.text(weighted(r, {{"low", 2}, {"medium", 6}, {"high", 2}, {"critical", 1}}));
    const bool active = r.chance(0.95);
    w.boolean(active);
    const qint64 created
        = anchor - 400 * CivilTime::kSecondsPerDay + r.between(0, 30 * CivilTime::kSecondsPerDay);
    const qint64 lastLogin = anchor - r.between(3600, 20 * CivilTime::kSecondsPerDay);
    w.timestamp(lastLogin);
    w.timestamp(created);
    w.timestamp(lastLogin);
    w.endRow();
}

void DemoEntityGenerator::writePersona(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Personas), i);
    const qint64 anchor = m_options.anchorEpoch;
    const std::string name = personaName(i);
    const auto roles = V::personaRoles();
    const std::string role = roles[std::size_t(i % qint64(roles.size()))];
    const qint64 expertiseFirst = (i * 3) % qint64(V::expertise().size());
    const std::string mainExpertise = V::expertise()[std::size_t(expertiseFirst)];
    const auto [hi, lo] = id(DemoTable::Personas, i);
    w.uuid(hi, lo);
    w.text(name);
    w.text(role);
    w.text(name + " is a " + lower(role) + " persona focused on " + mainExpertise + ".");
    w.text("Worked " + std::to_string(r.between(4, 20)) + " years in " + lower(role)
           + " roles; known for " + std::string(r.pick(V::traits())) + " judgement.");
    w.text("You are " + name + ", a " + lower(role)
           + ". Answer with care, cite your sources, "
             "and say so when you are unsure.");
    w.text(jsonList(V::traits(), r.between(0, 11), 3, 5));
    w.text(jsonList(V::expertise(), expertiseFirst, 3, 7));
    w.text(weighted(r,
                    {{"concise", 2},
                     {"verbose", 1},
                     {"analytical", 3},
                     {"casual", 1},
                     {"empathetic", 2},
                     {"humorous", 1},
                     {"cautious", 1},
                     {"optimistic", 1}}));
    w.text(weighted(r,
                    {{"structured", 3},
                     {"freeform", 1},
                     {"inquisitive", 2},
                     {"decisive", 1},
                     {"collaborative", 3},
                     {"authoritative", 1}}));
    w.text(weighted(r, {{"low", 1}, {"moderate", 4}, {"high", 2}, {"dynamic", 1}}));
    w.decimal(r.uniform(0.15, 0.9), 2);
    w.decimal(r.uniform(0.2, 0.95), 2);
    w.text(mainExpertise);
    w.text(weighted(r, {{"active", 17}, {"draft", 2}, {"inactive", 1}}));
    w.text(weighted(r, {{"organization", 5}, {"public", 2}, {"team", 2}, {"private", 1}}));
    const auto [uhi, ulo] = id(DemoTable::Users, i % count(DemoTable::Users));
    w.uuid(uhi, ulo);
    w.text(std::string("[\"demo\", \"") + lower(role.substr(0, role.find(' '))) + "\"]");
    w.text(jsonList(V::capabilities(), i % 12, 2, 5));
    w.decimal(r.uniform(0.6, 0.98), 2);
    w.decimal(r.uniform(0.6, 0.98), 2);
    w.decimal(r.uniform(0.55, 0.97), 2);
    const qint64 total = r.between(200, 60000);
    w.integer(total);
    w.integer(qint64(double(total) * r.uniform(0.8, 0.98)));
    const qint64 lastUsed = anchor - r.between(600, 3 * CivilTime::kSecondsPerDay);
    w.timestamp(lastUsed);
    w.timestamp(anchor - 390 * CivilTime::kSecondsPerDay
                + r.between(0, 20 * CivilTime::kSecondsPerDay));
    w.timestamp(lastUsed);
    w.endRow();
}

void DemoEntityGenerator::writeAgent(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Agents), i);
    const qint64 anchor = m_options.anchorEpoch;
    const qint64 model = r.between(0, qint64(V::models().size()) - 1);
    const auto [hi, lo] = id(DemoTable::Agents, i);
    w.uuid(hi, lo);
    w.text(agentName(i));
    w.text(V::agentRoles()[std::size_t(i % 8)]);
    const auto [phi, plo] = id(DemoTable::Personas, i % count(DemoTable::Personas));
    w.uuid(phi, plo);
    w.text(std::string("{\"model\": \"") + V::models()[std::size_t(model)]
           + "\", \"reasoning_depth\": \"" + (r.chance(0.3) ? "deep" : "standard")
           + "\", \"memory\": \"episodic\", \"max_steps\": " + std::to_string(r.between(4, 24))
           + "}");
    const char *level = weighted(r, {{"low", 2}, {"medium", 5}, {"high", 2}, {"critical", 1}});
    w.text(std::string("{\"clearance\": \"") + level
           + "\", \"sandboxed\": true, \"allowed_domains\": [\"internal\"]}");
    w.boolean(r.chance(0.9));
    const auto [uhi, ulo] = id(DemoTable::Users, (i * 3) % count(DemoTable::Users));
    w.uuid(uhi, ulo);
    const qint64 lastActive = anchor - r.between(60, 2 * CivilTime::kSecondsPerDay);
    w.timestamp(lastActive);
    std::string caps = "[";
    for (int c = 0; c < DemoDataPlan::kCapabilitiesPerAgent; ++c)
        caps += std::string(c ? ", \"" : "\"") + agentCapability(i, c) + "\"";
    w.text(caps + "]");
    w.text(level);
    w.text(std::string("[\"demo\", \"") + V::agentRoles()[std::size_t(i % 8)] + "\"]");
    w.text("1." + std::to_string(r.between(0, 9)) + "." + std::to_string(r.between(0, 20)));
    w.text(weighted(r, {{"production", 6}, {"staging", 3}, {"development", 1}}));
    const qint64 ops = r.between(100, 250000);
    w.integer(ops);
    w.integer(qint64(double(ops) * r.uniform(0.85, 0.995)));
    w.decimal(r.uniform(350, 4200), 2);
    w.text(V::models()[std::size_t(model)]);
    w.text(V::apiTypes()[std::size_t(model)]);
    w.decimal(r.uniform(0.05, 0.95), 2);
    w.integer(1024LL << r.between(0, 3));
    w.timestamp(anchor - 380 * CivilTime::kSecondsPerDay
                + r.between(0, 20 * CivilTime::kSecondsPerDay));
    w.timestamp(lastActive);
    w.endRow();
}

qint64 DemoEntityGenerator::discussionCreated(qint64 d) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, kDiscussionTimeStream, d);
    return m_options.anchorEpoch - 200 * CivilTime::kSecondsPerDay
        + r.between(0, 195 * CivilTime::kSecondsPerDay);
}

void DemoEntityGenerator::writeDiscussion(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Discussions), i);
    const auto topics = V::topics();
    const std::string topic = topics[std::size_t(i % qint64(topics.size()))];
    const char *status = weighted(r,
                                  {{"completed", 10},
                                   {"active", 4},
                                   {"paused", 1},
                                   {"draft", 2},
                                   {"cancelled", 1},
                                   {"archived", 2}});
    const std::string s = status;
    const qint64 created = discussionCreated(i);
    const qint64 started = created + r.between(600, 2 * CivilTime::kSecondsPerDay);
    const qint64 estimate = r.between(15, 120);
    const qint64 actual = qint64(double(estimate) * r.uniform(0.6, 1.6));
    const bool hasStart = s != "draft";
    const bool ended = s == "completed" || s == "cancelled" || s == "archived";
    const auto [hi, lo] = id(DemoTable::Discussions, i);
    w.uuid(hi, lo);
    w.text(topic + " #" + std::to_string(i + 1));
    w.text(topic);
    w.text("Demo discussion about " + lower(topic) + ".");
    w.text(std::string("{\"max_turns\": ") + std::to_string(r.between(10, 60))
           + ", \"allow_interruptions\": " + (r.chance(0.3) ? "true" : "false")
           + ", \"summary_every_turns\": " + std::to_string(r.between(5, 15)) + "}");
    w.text(std::string("{\"type\": \"") + (r.chance(0.6) ? "round_robin" : "moderated")
           + "\", \"max_consecutive_turns\": " + std::to_string(r.between(1, 3)) + "}");
    w.text(status);
    w.text(weighted(r, {{"organization", 5}, {"team", 3}, {"private", 2}, {"public", 1}}));
    const auto [uhi, ulo] = id(DemoTable::Users, (i * 7) % count(DemoTable::Users));
    w.uuid(uhi, ulo);
    if (hasStart)
        w.timestamp(started);
    else
        w.null();
    if (ended)
        w.timestamp(started + actual * 60);
    else
        w.null();
    w.integer(estimate);
    if (ended)
        w.integer(actual);
    else
        w.null();
    const std::string tag = lower(topic.substr(0, topic.find(' ')));
    w.text("{demo," + tag + "}");
    w.text("{\"" + std::string(V::objectives()[std::size_t(i % 8)]) + "\",\""
           + V::objectives()[std::size_t((i + 3) % 8)] + "\"}");
    w.timestamp(created);
    w.timestamp(ended ? started + actual * 60 : hasStart ? started : created);
    w.endRow();
}

void DemoEntityGenerator::writeParticipant(qint64 d, int j, qint64 row, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::DiscussionParticipants), row);
    const qint64 joined = discussionCreated(d) + r.between(60, 3600);
    const auto [hi, lo] = id(DemoTable::DiscussionParticipants, row);
    const auto [dhi, dlo] = id(DemoTable::Discussions, d);
    w.uuid(hi, lo);
    w.uuid(dhi, dlo);
    const char *role = "participant";
    std::string display;
    if (j == 0) { // the moderating user
        const qint64 u = (d * 7) % count(DemoTable::Users);
        const auto [uhi, ulo] = id(DemoTable::Users, u);
        w.text("user");
        w.uuid(uhi, ulo);
        w.null();
        w.null();
        w.uuid(uhi, ulo);
        display = userName(u);
        role = "moderator";
    } else if (j == 1) { // a persona
        const qint64 p = (d * 3) % count(DemoTable::Personas);
        const auto [phi, plo] = id(DemoTable::Personas, p);
        w.text("persona");
        w.uuid(phi, plo);
        w.uuid(phi, plo);
        w.null();
        w.null();
        display = personaName(p);
        role = r.chance(0.5) ? "facilitator" : "expert";
    } else { // agents: d*11 + 0..3 are distinct while there are at least 4 agents
        const qint64 a = (d * 11 + j - 2) % count(DemoTable::Agents);
        const auto [ahi, alo] = id(DemoTable::Agents, a);
        w.text("agent");
        w.uuid(ahi, alo);
        w.null();
        w.uuid(ahi, alo);
        w.null();
        display = agentName(a);
        role = j == 2 ? "expert" : r.chance(0.2) ? "critic" : "participant";
    }
    w.text(display);
    w.text(role);
    w.integer(j + 1);
    w.boolean(j == 0);
    w.timestamp(joined);
    const qint64 messages = r.between(0, 80);
    w.timestamp(joined + messages * r.between(30, 300));
    w.integer(messages);
    w.integer(messages * r.between(20, 160));
    w.decimal(r.uniform(0.8, 45.0), 2);
    w.decimal(r.uniform(0.2, 0.99), 2);
    w.decimal(r.uniform(0.3, 0.99), 2);
    w.timestamp(joined);
    w.timestamp(joined);
    w.endRow();
}

} // namespace uaip
