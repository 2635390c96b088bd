#include "demoworkgenerator.h"

#include "civiltime.h"
#include "copyrowwriter.h"
#include "demorandom.h"
#include "demovocabulary.h"

#include <string>

namespace uaip {

namespace {

using V = DemoVocabulary;

constexpr const char *kOperationTypes[]
    = {"code_generation", "data_analysis", "document_review", "deployment", "research"};
constexpr const char *kOperationTitles[]
    = {"Generate code", "Analyse data", "Review documents", "Deploy", "Research"};
constexpr const char *kSteps[]
    = {"gather context", "plan", "draft", "execute", "validate", "review", "publish", "report"};

} // namespace

DemoWorkGenerator::DemoWorkGenerator(const DemoDataPlan &plan, const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_entities(plan, options)
{ }

qint64 DemoWorkGenerator::recentTime(DemoRandom &r, qint64 anchor, int days)
{
    const qint64 day = anchor - r.between(1, days) * CivilTime::kSecondsPerDay;
    const qint64 hour = r.chance(0.8) ? r.between(8, 18) : r.between(0, 23);
    return day + hour * 3600 + r.between(0, 3599);
}

void DemoWorkGenerator::writeIdOf(DemoTable table, qint64 i, CopyRowWriter &w) const
{
    const auto [hi, lo] = m_entities.id(table, i);
    w.uuid(hi, lo);
}

void DemoWorkGenerator::writeOperation(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Operations), i);
    const int type = int(i % 5);
    const std::string status = r.weighted(
        {{"completed", 14}, {"failed", 2}, {"running", 2}, {"pending", 1}, {"cancelled", 1}});
    const qint64 totalSteps = r.between(2, 8);
    const qint64 created = recentTime(r, m_options.anchorEpoch, 120);
    const qint64 started = created + r.between(5, 600);
    const qint64 estimate = r.between(60, 3600); // seconds
    const qint64 actual = qint64(double(estimate) * r.uniform(0.5, 1.8));
    const bool begun = status != "pending";
    const bool ended = status == "completed" || status == "failed" || status == "cancelled";
    const qint64 step = status == "completed" ? totalSteps
        : status == "pending"                 ? 0
                                              : r.between(0, totalSteps - 1);
    const qint64 topic = r.between(0, qint64(V::topics().size()) - 1);
    writeIdOf(DemoTable::Operations, i, w);
    w.text(kOperationTypes[type]);
    w.text(status);
    writeIdOf(DemoTable::Agents, i % count(DemoTable::Agents), w);
    writeIdOf(DemoTable::Users, r.between(0, count(DemoTable::Users) - 1), w);
    w.text(std::string(kOperationTitles[type]) + " #" + std::to_string(i + 1));
    w.text(std::string(kOperationTitles[type]) + ": " + V::topics()[std::size_t(topic)] + ".");
    std::string plan = "{\"steps\": [";
    for (qint64 k = 0; k < totalSteps; ++k)
        plan += std::string(k ? ", " : "") + "\"" + kSteps[k] + "\"";
    w.text(plan + "], \"estimated_seconds\": " + std::to_string(estimate) + "}");
    if (status == "failed")
        w.text(std::string("step \"") + kSteps[step] + "\" failed: the tool returned an error");
    else
        w.null();
    if (begun)
        w.timestamp(started);
    else
        w.null();
    if (ended)
        w.timestamp(started + actual);
    else
        w.null();
    w.integer(estimate);
    if (ended)
        w.integer(actual);
    else
        w.null();
    w.text(r.weighted({{"low", 2}, {"medium", 5}, {"high", 2}, {"urgent", 1}}));
    w.decimal(100.0 * double(step) / double(totalSteps), 2);
    w.integer(step);
    w.integer(totalSteps);
    w.text(std::string("[\"demo\", \"") + kOperationTypes[type] + "\"]");
    w.timestamp(created);
    w.timestamp(ended ? started + actual : begun ? started : created);
    w.endRow();
}

void DemoWorkGenerator::writeToolExecution(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::ToolExecutions), i);
    const qint64 tool = i % count(DemoTable::ToolDefinitions);
    const std::string status = r.weighted(
        {{"completed", 85}, {"failed", 8}, {"timeout", 3}, {"cancelled", 2}, {"running", 2}});
    const bool done = status != "running";
    const qint64 ms = status == "timeout" ? 30000 : r.between(20, 9000);
    const qint64 started = recentTime(r, m_options.anchorEpoch, 180);
    const qint64 completed = started + (ms + 999) / 1000;
    const std::string input
        = V::questions()[std::size_t(r.between(0, qint64(V::questions().size()) - 1))];
    writeIdOf(DemoTable::ToolExecutions, i, w);
    writeIdOf(DemoTable::ToolDefinitions, tool, w);
    writeIdOf(DemoTable::Agents, r.between(0, count(DemoTable::Agents) - 1), w);
    if (r.chance(0.6))
        writeIdOf(DemoTable::Users, r.between(0, count(DemoTable::Users) - 1), w);
    else
        w.null();
    if (r.chance(0.5))
        writeIdOf(DemoTable::Operations, r.between(0, count(DemoTable::Operations) - 1), w);
    else
        w.null();
    w.text("{\"input\": \"" + input + "\", \"limit\": " + std::to_string(r.between(1, 50)) + "}");
    if (status == "completed")
        w.text("{\"result\": \"ok\", \"items\": " + std::to_string(r.between(0, 40)) + "}");
    else
        w.null();
    w.text(status);
    w.timestamp(started);
    if (done)
        w.timestamp(completed);
    else
        w.null();
    if (done)
        w.integer(ms);
    else
        w.null();
    if (status == "failed")
        w.text("tool error: upstream service answered 503");
    else if (status == "timeout")
        w.text("no result within 30000 ms");
    else
        w.null();
    w.decimal(r.uniform(0.0, 0.05), 4);
    w.timestamp(started);
    w.timestamp(done ? completed : started);
    w.endRow();
}

void DemoWorkGenerator::writeArtifact(qint64 i, CopyRowWriter &w) const
{
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::Artifacts), i);
    const std::string type = r.weighted({{"code", 5},
                                         {"test", 2},
                                         {"documentation", 2},
                                         {"report", 2},
                                         {"analysis", 2},
                                         {"config", 1},
                                         {"script", 1}});
    const bool isCode = type == "code" || type == "test" || type == "script";
    const char *language = type == "script" ? "bash" : r.chance(0.5) ? "python" : "typescript";
    const std::string n = std::to_string(i + 1);
    std::string content;
    if (type == "code")
        content = "def demo_" + n + "(rows):\n    \"\"\"Demo artifact " + n
            + ".\"\"\"\n    return [r for r in rows if r.active]\n";
    else if (type == "test")
        content = "def test_demo_" + n + "():\n    assert demo_" + n + "([]) == []\n";
    else if (type == "script")
        content = "#!/bin/sh\nset -eu\necho \"demo artifact " + n + "\"\n";
    else if (type == "config")
        content = "{\n  \"replicas\": " + std::to_string(r.between(1, 5))
            + ",\n  \"region\": \"eu-west\"\n}\n";
    else
        content = "# " + type + " " + n + "\n\nFindings of the demo operation, in three points:\n"
            + "1. the data is complete\n2. two outliers were removed\n3. the trend holds\n";
    qint64 lines = 0;
    for (const char c : content)
        lines += c == '\n';
    const qint64 agent = r.between(0, count(DemoTable::Agents) - 1);
    const qint64 generated = recentTime(r, m_options.anchorEpoch, 120);
    writeIdOf(DemoTable::Artifacts, i, w);
    w.text(type);
    w.text(content);
    w.text(type + " artifact #" + n);
    w.text("Produced by a demo operation.");
    if (isCode)
        w.text(language);
    else
        w.null();
    if (r.chance(0.8))
        writeIdOf(DemoTable::Operations, r.between(0, count(DemoTable::Operations) - 1), w);
    else
        w.null();
    w.text("conv-" + std::to_string(m_options.seed) + "-" + std::to_string(r.between(1, 99999)));
    writeIdOf(DemoTable::Users, r.between(0, count(DemoTable::Users) - 1), w);
    w.timestamp(generated);
    w.text(m_entities.agentName(agent));
    w.decimal(r.uniform(0.55, 0.99), 2);
    w.text(r.weighted({{"valid", 6}, {"pending", 2}, {"warning", 1}, {"invalid", 1}}));
    w.text(r.weighted({{"draft", 3}, {"review", 2}, {"approved", 3}, {"deployed", 1}}));
    w.integer(qint64(content.size()));
    w.integer(lines);
    w.text("[\"demo\", \"" + type + "\"]");
    w.timestamp(generated);
    w.timestamp(generated + r.between(0, 3 * CivilTime::kSecondsPerDay));
    w.endRow();
}

} // namespace uaip
