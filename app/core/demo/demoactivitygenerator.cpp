#include "demoactivitygenerator.h"

#include "civiltime.h"
#include "copyrowwriter.h"
#include "demorandom.h"
#include "demovocabulary.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace uaip {

namespace {

using V = DemoVocabulary;

constexpr const char *kSessionTypes[]
    = {"reference_coach", "verification", "authenticity", "bulk_analysis", "quality_assessment"};
// ai_prompts.prompt_type serving each session type above.
constexpr const char *kPromptTypeOfSession[]
    = {"reference_coach", "verification", "authenticity", "bulk_processing", "quality_analysis"};
constexpr const char *kUserAgents[]
    = {"uaip-web/3.4 (Chrome 131; Windows)", "uaip-web/3.4 (Safari 18; macOS)",
       "uaip-mobile/2.1 (Android 15)", "uaip-api-client/1.9"};

} // namespace

struct DemoActivityGenerator::Session
{
    qint64 user = 0;
    int type = 0;
    qint64 start = 0;
    const char *status = "completed";
    int prompt = -1; // index into options.prompts
    int model = 0; // index into the models list when there is no prompt
};

struct DemoActivityGenerator::Interaction
{
    qint64 at = 0; // created_at
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 costMicros = 0; // cost in millionths, so that session sums are exact
    qint64 responseMs = 0;
    const char *status = "success";
    double quality = 0;
    int question = 0;
};

DemoActivityGenerator::DemoActivityGenerator(const DemoDataPlan &plan,
                                             const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_entities(plan, options)
{ }

qint64 DemoActivityGenerator::busyTime(DemoRandom &r, qint64 anchor, int days)
{
    qint64 day = 0;
    for (int attempt = 0; attempt < 4; ++attempt) { // weekends half as likely
        day = anchor - qint64(r.between(1, days)) * CivilTime::kSecondsPerDay;
        if (CivilTime::weekday(day) < 5 || r.chance(0.5))
            break;
    }
    const qint64 hour = r.chance(0.8) ? r.between(8, 19) : r.between(0, 23);
    return day + hour * 3600 + r.between(0, 3599);
}

void DemoActivityGenerator::writeToolDefinition(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::ToolDefinitions), i);
    const std::string base = V::toolNames()[std::size_t(i)];
    const std::string category = V::toolCategories()[std::size_t(i)];
    const char *level = category == "system"                      ? "high"
        : category == "automation" || category == "communication" ? "medium"
                                                                  : "low";
    if (base == "code_runner")
        level = "critical";
    const std::string sl = level;
    const auto [hi, lo] = m_entities.id(DemoTable::ToolDefinitions, i);
    w.uuid(hi, lo);
    w.text(base + " (demo " + std::to_string(m_options.seed) + ")");
    w.text("Demo tool " + base + ": " + category + " tool used by the demo agents.");
    w.text(category);
    w.text("{\"type\": \"object\", \"properties\": {\"input\": {\"type\": \"string\"}, "
           "\"limit\": {\"type\": \"integer\", \"default\": 10}}, \"required\": [\"input\"]}");
    w.text("{\"type\": \"object\", \"properties\": {\"result\": {\"type\": \"string\"}}}");
    w.text(level);
    w.decimal(r.uniform(0.0, 0.05), 2);
    w.integer(r.between(80, 9000));
    w.boolean(sl == "high" || sl == "critical");
    w.text("1." + std::to_string(r.between(0, 6)) + ".0");
    w.text("UAIP demo");
    w.text("[\"demo\", \"" + category + "\"]");
    w.boolean(r.chance(0.92));
    const qint64 total
        = m_plan.rowsOf(DemoTable::ToolUsageRecords) / m_plan.rowsOf(DemoTable::ToolDefinitions);
    w.integer(total);
    w.integer(qint64(double(total) * r.uniform(0.85, 0.99)));
    w.decimal(r.uniform(120, 6000), 2);
    w.decimal(r.uniform(0.8, 0.99), 2);
    w.decimal(r.uniform(3.2, 4.9), 2);
    const qint64 created = m_options.anchorEpoch - 420 * CivilTime::kSecondsPerDay
        + r.between(0, 30 * CivilTime::kSecondsPerDay);
    w.timestamp(created);
    w.timestamp(created + r.between(0, 60 * CivilTime::kSecondsPerDay));
    w.endRow();
}

void DemoActivityGenerator::writeToolUsage(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::ToolUsageRecords), i);
    const qint64 tools = m_plan.rowsOf(DemoTable::ToolDefinitions);
    const qint64 tool = qMin(tools - 1, qint64(double(tools) * std::pow(r.uniform(), 1.7)));
    const auto [hi, lo] = m_entities.id(DemoTable::ToolUsageRecords, i);
    const auto [thi, tlo] = m_entities.id(DemoTable::ToolDefinitions, tool);
    const auto [ahi, alo]
        = m_entities.id(DemoTable::Agents, r.between(0, m_plan.rowsOf(DemoTable::Agents) - 1));
    w.uuid(hi, lo);
    w.uuid(thi, tlo);
    w.uuid(ahi, alo);
    if (r.chance(0.7)) {
        const auto [uhi, ulo]
            = m_entities.id(DemoTable::Users, r.between(0, m_plan.rowsOf(DemoTable::Users) - 1));
        w.uuid(uhi, ulo);
    } else {
        w.null();
    }
    const qint64 kind = r.between(0, 99);
    w.text(kind < 80       ? "execution"
               : kind < 90 ? "query"
               : kind < 97 ? "discovery"
                           : "configuration");
    const bool success = r.chance(0.96 - 0.015 * double(tool % 5));
    w.boolean(success);
    w.integer(qint64(std::exp(r.normal() * 0.6) * double(150 + 40 * (tool % 7))));
    w.decimal(r.uniform(0.0, 0.02), 4);
    w.decimal(success ? r.uniform(0.6, 0.99) : r.uniform(0.05, 0.4), 2);
    if (r.chance(0.6))
        w.decimal(r.uniform(0.4, 1.0), 2);
    else
        w.null();
    const qint64 at = busyTime(r, m_options.anchorEpoch, 365);
    w.timestamp(at);
    w.timestamp(at);
    w.timestamp(at);
    w.endRow();
}

DemoActivityGenerator::Session DemoActivityGenerator::session(qint64 s) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::AiSessions), s);
    Session x;
    x.user = r.between(0, m_plan.rowsOf(DemoTable::Users) - 1);
    x.type = int(r.between(0, 4));
    x.start = busyTime(r, m_options.anchorEpoch - CivilTime::kSecondsPerDay, 180);
    const qint64 st = r.between(0, 99);
    x.status = st < 75 ? "completed"
        : st < 83      ? "expired"
        : st < 87      ? "error"
        : st < 95      ? "active"
                       : "idle";
    x.model = int(r.between(0, qint64(V::models().size()) - 1));
    for (int p = 0; p < m_options.prompts.size(); ++p)
        if (m_options.prompts[p].promptType == kPromptTypeOfSession[x.type]) {
            x.prompt = p;
            break;
        }
    return x;
}

DemoActivityGenerator::Interaction DemoActivityGenerator::interaction(qint64 s, int j) const
{
    const qint64 first = DemoDataPlan::firstInteractionRow(s);
    qint64 at = session(s).start;
    Interaction x;
    for (int k = 0; k <= j; ++k) {
        DemoRandom r
            = DemoRandom::forRow(m_options.seed, int(DemoTable::AiInteractions), first + k);
        at += r.between(20, 300);
        if (k < j)
            continue;
        x.at = at;
        x.inputTokens = r.between(40, 2500);
        x.outputTokens = r.between(80, 3200);
        const qint64 st = r.between(0, 99);
        x.status = st < 92 ? "success" : st < 96 ? "failed" : st < 98 ? "timeout" : "cancelled";
        if (st >= 96)
            x.outputTokens = 0;
        x.costMicros = x.inputTokens * 3 + x.outputTokens * 15;
        x.responseMs = st >= 96 && st < 98 ? 30000 : r.between(350, 24000);
        x.quality = r.uniform(0.45, 0.99);
        x.question = int(r.between(0, qint64(V::questions().size()) - 1));
    }
    return x;
}

void DemoActivityGenerator::writeSession(qint64 s, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, 300 + int(DemoTable::AiSessions), s);
    const Session x = session(s);
    const int n = DemoDataPlan::interactionsOf(s);
    qint64 tokens = 0;
    qint64 micros = 0;
    qint64 last = x.start;
    for (int j = 0; j < n; ++j) {
        const Interaction in = interaction(s, j);
        tokens += in.inputTokens + in.outputTokens;
        micros += in.costMicros;
        last = in.at;
    }
    const std::string status = x.status;
    const bool open = status == "active" || status == "idle";
    const auto [hi, lo] = m_entities.id(DemoTable::AiSessions, s);
    const auto [phi, plo] = DemoRandom::uuid(m_options.seed, 300, s); // public session handle
    const auto [uhi, ulo] = m_entities.id(DemoTable::Users, x.user);
    w.uuid(hi, lo);
    w.uuid(phi, plo);
    w.uuid(uhi, ulo);
    w.text(kSessionTypes[x.type]);
    w.timestamp(x.start);
    if (open)
        w.null();
    else
        w.timestamp(last + r.between(30, 900));
    if (x.prompt >= 0) {
        const QByteArray &pid = m_options.prompts[x.prompt].id;
        w.text(std::string_view(pid.constData(), std::size_t(pid.size())));
    } else {
        w.null();
    }
    w.text(x.status);
    w.integer(n);
    w.integer(tokens);
    w.decimal(double(micros) / 1e6, 6);
    w.text("10." + std::to_string(r.between(0, 255)) + "." + std::to_string(r.between(0, 255)) + "."
           + std::to_string(r.between(1, 254)));
    w.text(kUserAgents[r.between(0, 3)]);
    w.timestamp(last);
    if (status == "completed")
        w.text("user_closed");
    else if (status == "expired")
        w.text("idle_timeout");
    else if (status == "error")
        w.text("model_error");
    else
        w.null();
    w.timestamp(x.start);
    w.timestamp(last);
    w.endRow();
}

void DemoActivityGenerator::writeTokenConsumption(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::TokenConsumption), i);
    const qint64 users = m_plan.rowsOf(DemoTable::Users);
    const qint64 user = i % users;
    const qint64 day = m_options.anchorEpoch - (i / users + 1) * CivilTime::kSecondsPerDay;
    // The model of one of the demo AI sessions, as writeInteraction() names it.
    const Session x = session(r.between(0, m_plan.rowsOf(DemoTable::AiSessions) - 1));
    QByteArray model = V::models()[std::size_t(x.model)];
    if (x.prompt >= 0 && !m_options.prompts[x.prompt].model.isEmpty())
        model = m_options.prompts[x.prompt].model;
    const bool weekend = CivilTime::weekday(day) >= 5;
    const qint64 requests = r.chance(weekend ? 0.5 : 0.1) ? 0 : r.between(2, weekend ? 12 : 40);
    qint64 input = 0;
    qint64 output = 0;
    for (qint64 k = 0; k < requests; ++k) {
        input += r.between(40, 2500);
        output += r.chance(0.04) ? 0 : r.between(80, 3200);
    }
    const CivilTime date = CivilTime::fromEpoch(day);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    const auto [hi, lo] = m_entities.id(DemoTable::TokenConsumption, i);
    const auto [uhi, ulo] = m_entities.id(DemoTable::Users, user);
    w.uuid(hi, lo);
    w.text(text);
    w.text(std::string_view(model.constData(), std::size_t(model.size())));
    w.null();
    w.uuid(uhi, ulo);
    w.integer(input);
    w.integer(output);
    w.decimal(double(input * 3 + output * 15) / 1e6, 6);
    w.integer(requests);
    w.timestamp(day + CivilTime::kSecondsPerDay - 1);
    w.timestamp(day + CivilTime::kSecondsPerDay - 1);
    w.endRow();
}

void DemoActivityGenerator::writeInteraction(qint64 s, int j, qint64 row, CopyRowWriter &w) const
{
    const Session x = session(s);
    const Interaction in = interaction(s, j);
    const std::string status = in.status;
    const bool ok = status == "success";
    const auto [hi, lo] = m_entities.id(DemoTable::AiInteractions, row);
    const auto [shi, slo] = m_entities.id(DemoTable::AiSessions, s);
    w.uuid(hi, lo);
    w.uuid(shi, slo);
    QByteArray model = V::models()[std::size_t(x.model)];
    if (x.prompt >= 0) {
        const DemoPromptRef &p = m_options.prompts[x.prompt];
        w.text(std::string_view(p.id.constData(), std::size_t(p.id.size())));
        model = p.model;
    } else {
        w.null();
    }
    const std::string question = V::questions()[std::size_t(in.question)];
    w.text(question);
    if (ok)
        w.text("Here is what I found for: " + question
               + "\nSummary: the available evidence is consistent; see the details below.");
    else
        w.null();
    w.text(std::string_view(model.constData(), std::size_t(model.size())));
    w.integer(in.inputTokens + in.outputTokens);
    if (status == "cancelled")
        w.null();
    else
        w.integer(in.responseMs);
    w.boolean(ok);
    if (status == "failed")
        w.text("upstream model returned 529 (overloaded)");
    else if (status == "timeout")
        w.text("no response within 30000 ms");
    else
        w.null();
    w.timestamp(in.at);
    const auto [ihi, ilo] = DemoRandom::uuid(m_options.seed, 301, row);
    char handle[37] = "int_";
    static constexpr char kHex[] = "0123456789abcdef";
    for (int k = 0; k < 16; ++k) {
        handle[4 + k] = kHex[(ihi >> (60 - 4 * k)) & 0xf];
        handle[20 + k] = kHex[(ilo >> (60 - 4 * k)) & 0xf];
    }
    w.text(std::string_view(handle, 36));
    w.integer(in.inputTokens);
    w.integer(in.outputTokens);
    w.decimal(double(in.costMicros) / 1e6, 6);
    w.text(in.status);
    if (ok)
        w.decimal(in.quality, 2);
    else
        w.null();
    w.endRow();
}

} // namespace uaip
