#include "demoseriesgenerator.h"

#include "civiltime.h"
#include "copyrowwriter.h"
#include "demorandom.h"
#include "demovocabulary.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace uaip {

namespace {

constexpr qint64 kHour = 3600;
constexpr int kHourlyPoints = 30 * 24;
constexpr int kWeeklyPoints = 52;

struct MetricSpec
{
    const char *name;
    const char *type;
    const char *unit;
    double baseLo, baseHi; // level per day
    double lo, hi; // domain
    double trendLo, trendHi;
    double weekend; // factor on Saturday and Sunday
    double diurnal; // amplitude of the daily cycle (hourly series)
    double noise; // relative standard deviation
    double anomaly; // factor of a rare anomaly
    bool volume; // counts that add up over time (scale with the period length)
    bool higherIsBetter;
    int decimals;
};

// persona_analytics: kPersonaMetrics entries.
constexpr MetricSpec kPersonaSpecs[] = {
    {"messages_sent", "usage", "count", 40, 400, 0, 999999, -0.25, 0.6, 0.55, 0.8, 0.12, 2.2, true,
     true, 0},
    {"active_users", "usage", "users", 5, 80, 0, 999999, -0.2, 0.5, 0.6, 0.7, 0.10, 1.8, true, true,
     0},
    {"avg_response_time_ms", "performance", "ms", 450, 2400, 50, 60000, -0.3, 0.2, 0.92, 0.25, 0.08,
     1.7, false, false, 1},
    {"error_rate", "performance", "ratio", 0.005, 0.06, 0, 1, -0.5, 0.4, 0.95, 0.2, 0.25, 2.5,
     false, false, 4},
    {"user_rating", "satisfaction", "score", 3.4, 4.6, 1, 5, -0.05, 0.08, 1.02, 0.0, 0.04, 0.8,
     false, true, 2},
    {"thumbs_up_ratio", "satisfaction", "ratio", 0.62, 0.93, 0, 1, -0.06, 0.08, 1.0, 0.0, 0.05, 0.8,
     false, true, 4},
    {"conversation_turns", "engagement", "turns", 3, 14, 0, 1000, -0.15, 0.3, 1.1, 0.15, 0.10, 1.6,
     false, true, 2},
    {"session_minutes", "engagement", "minutes", 4, 28, 0, 1440, -0.15, 0.3, 1.15, 0.2, 0.12, 1.8,
     false, true, 2},
    {"task_completion_rate", "effectiveness", "ratio", 0.55, 0.93, 0, 1, -0.08, 0.12, 0.98, 0.0,
     0.05, 0.8, false, true, 4},
    {"goal_achievement_score", "effectiveness", "score", 55, 92, 0, 100, -0.08, 0.12, 0.98, 0.0,
     0.06, 0.8, false, true, 2},
};
static_assert(std::size(kPersonaSpecs) == DemoDataPlan::kPersonaMetrics);

// agent_capability_metrics: one per agent_capability_metrics_metric_type_enum value.
constexpr MetricSpec kAgentSpecs[] = {
    {"latency_ms", "performance", "ms", 300, 3000, 20, 120000, -0.35, 0.25, 0.9, 0.0, 0.09, 1.7,
     false, false, 1},
    {"invocations", "usage", "count", 20, 900, 0, 999999, -0.2, 0.8, 0.5, 0.0, 0.12, 2.2, true,
     true, 0},
    {"accuracy", "accuracy", "ratio", 0.70, 0.95, 0, 1, -0.05, 0.1, 1.0, 0.0, 0.03, 0.85, false,
     true, 4},
    {"tokens_per_task", "efficiency", "tokens", 400, 4000, 1, 200000, -0.3, 0.2, 1.0, 0.0, 0.08,
     1.6, false, false, 1},
    {"success_rate", "reliability", "ratio", 0.85, 0.99, 0, 1, -0.04, 0.04, 1.0, 0.0, 0.02, 0.9,
     false, true, 4},
};
static_assert(std::size(kAgentSpecs) == DemoDataPlan::kAgentMetricTypes);

const MetricSpec &specOf(bool agentTable, int spec)
{
    return agentTable ? kAgentSpecs[spec] : kPersonaSpecs[spec];
}

// The start of the calendar period of length step (an hour, a day or a week, in UTC) that
// holds the instant just before anchor: the period running at anchor, or the one that ended
// there when anchor is on a boundary.
qint64 periodStartBefore(qint64 anchor, qint64 step)
{
    // 1970-01-01 was a Thursday: weeks start on Monday, 1970-01-05
    const qint64 origin = step == 7 * CivilTime::kSecondsPerDay ? 4 * CivilTime::kSecondsPerDay : 0;
    const qint64 t = anchor - 1 - origin;
    const qint64 floored = t >= 0 ? t - t % step : t - ((t % step) + step) % step;
    return floored + origin;
}

const char *aggregationOf(qint64 step)
{
    return step == kHour ? "hourly" : step == CivilTime::kSecondsPerDay ? "daily" : "weekly";
}

const char *qualityOf(qint64 samples)
{
    return samples >= 200 ? "high" : samples >= 50 ? "medium" : samples >= 10 ? "low" : "estimated";
}

double confidenceOf(qint64 samples)
{
    return std::clamp(1.0 - 1.2 / std::sqrt(double(samples) + 1.0), 0.05, 0.99);
}

} // namespace

DemoSeriesGenerator::DemoSeriesGenerator(const DemoDataPlan &plan, const DemoDataOptions &options)
    : m_plan(plan)
    , m_options(options)
    , m_entities(plan, options)
{ }

int DemoSeriesGenerator::personaSeriesLength(qint64 k) const
{
    const qint64 perVariant = m_plan.rowsOf(DemoTable::Personas) * DemoDataPlan::kPersonaMetrics;
    const qint64 variant = k / perVariant;
    return variant % 3 == 2 ? kHourlyPoints : m_plan.personaSeriesDays;
}

int DemoSeriesGenerator::agentSeriesLength(qint64 k) const
{
    const qint64 perVariant = m_plan.rowsOf(DemoTable::Agents) * DemoDataPlan::kCapabilitiesPerAgent
        * DemoDataPlan::kAgentMetricTypes;
    const qint64 variant = k / perVariant;
    return variant % 3 == 2 ? kWeeklyPoints : m_plan.agentSeriesDays;
}

void DemoSeriesGenerator::beginSeries(Series &s, DemoRandom &r, int spec, bool agentTable) const
{
    const MetricSpec &m = specOf(agentTable, spec);
    s.spec = spec;
    // Periods lie on calendar boundaries (UTC: an hour, a day from midnight, a week from
    // Monday), so a daily chart buckets one period per day at any load time (issue 60 point 5:
    // periods that ended at the load time straddled midnight). The last period is the one
    // running at the anchor (the time of the load): its row is the period so far, recorded in
    // the minutes before the load (recordedAt), so every preset down to the last hour shows
    // data right after a load, and nothing lies in the future.
    s.start = periodStartBefore(m_options.anchorEpoch, s.step) - qint64(s.length - 1) * s.step;
    s.base = r.uniform(m.baseLo, m.baseHi);
    s.slope1 = r.uniform(m.trendLo, m.trendHi);
    s.slope2 = r.uniform(m.trendLo, m.trendHi);
    s.bend = r.uniform(0.3, 0.8);
    s.phase = r.uniform(0, 2 * std::numbers::pi);
    s.traffic = r.uniform(15, 1500);
}

void DemoSeriesGenerator::beginPersonaSeries(qint64 k)
{
    const qint64 personas = m_plan.rowsOf(DemoTable::Personas);
    const qint64 p = k % personas;
    const int spec = int(k / personas % DemoDataPlan::kPersonaMetrics);
    const qint64 variant = k / (personas * DemoDataPlan::kPersonaMetrics);
    DemoRandom r = DemoRandom::forRow(m_options.seed, 400 + int(DemoTable::PersonaAnalytics), k);
    Series &s = m_persona;
    s.length = personaSeriesLength(k);
    s.step = s.length == kHourlyPoints ? kHour : CivilTime::kSecondsPerDay;
    beginSeries(s, r, spec, false);
    s.owner = m_entities.id(DemoTable::Personas, p);
    // Agent i plays persona i % personas, so agent p (when there is one) is p's first agent.
    s.agent = m_entities.id(DemoTable::Agents, p % m_plan.rowsOf(DemoTable::Agents));
    s.hasUser = variant % 4 == 1;
    s.user = m_entities.id(DemoTable::Users, (k * 31) % m_plan.rowsOf(DemoTable::Users));
    const auto channels = DemoVocabulary::channels();
    const auto regions = DemoVocabulary::regions();
    s.dimensions = variant == 0
        ? std::string("{\"channel\": \"all\", \"region\": \"global\"}")
        : std::string("{\"channel\": \"") + channels[std::size_t(variant % 4)]
            + "\", \"region\": \"" + regions[std::size_t((p + variant) % 4)] + "\"}";
}

void DemoSeriesGenerator::beginAgentSeries(qint64 k)
{
    const qint64 agents = m_plan.rowsOf(DemoTable::Agents);
    const qint64 a = k % agents;
    const int c = int(k / agents % DemoDataPlan::kCapabilitiesPerAgent);
    const int spec
        = int(k / (agents * DemoDataPlan::kCapabilitiesPerAgent) % DemoDataPlan::kAgentMetricTypes);
    const qint64 variant
        = k / (agents * DemoDataPlan::kCapabilitiesPerAgent * DemoDataPlan::kAgentMetricTypes);
    DemoRandom r
        = DemoRandom::forRow(m_options.seed, 400 + int(DemoTable::AgentCapabilityMetrics), k);
    Series &s = m_agent;
    s.length = agentSeriesLength(k);
    s.step = s.length == kWeeklyPoints ? 7 * CivilTime::kSecondsPerDay : CivilTime::kSecondsPerDay;
    beginSeries(s, r, spec, true);
    s.owner = m_entities.id(DemoTable::Agents, a);
    s.capability = DemoEntityGenerator::agentCapability(a, c);
    s.dimensions = std::string("{\"environment\": \"")
        + DemoVocabulary::environments()[std::size_t(variant % 3)]
        + "\", \"series_variant\": " + std::to_string(variant) + "}";
}

double DemoSeriesGenerator::trendFactor(const Series &s, double x) const
{
    return std::max(0.05,
                    1.0 + s.slope1 * std::min(x, s.bend) + s.slope2 * std::max(0.0, x - s.bend));
}

double DemoSeriesGenerator::value(const Series &s, int j, DemoRandom &r, bool agentTable,
                                  qint64 *samples) const
{
    const MetricSpec &m = specOf(agentTable, s.spec);
    const qint64 t = s.start + qint64(j) * s.step;
    const double x = s.length > 1 ? double(j) / double(s.length - 1) : 0.0;
    const double days = double(s.step) / double(CivilTime::kSecondsPerDay);
    const bool weekend = s.step <= CivilTime::kSecondsPerDay && CivilTime::weekday(t) >= 5;
    double diurnal = 1.0;
    double trafficShape = 1.0;
    if (s.step == kHour) {
        const int hour = CivilTime::fromEpoch(t).hour;
        const double c = std::cos(2 * std::numbers::pi * double(hour - 14) / 24.0);
        diurnal = 1.0 + m.diurnal * c;
        trafficShape = 1.0 + 0.8 * c;
    }
    const double quarterly = 1.0
        + 0.04
            * std::sin(2 * std::numbers::pi * double(t) / (91.0 * CivilTime::kSecondsPerDay)
                       + s.phase);
    double v = s.base * trendFactor(s, x) * quarterly;
    v *= (weekend ? m.weekend : 1.0) * diurnal;
    if (m.volume)
        v *= days;
    v *= 1.0 + m.noise * std::clamp(r.normal(), -3.0, 3.0);
    if (r.chance(0.004))
        v *= m.anomaly;
    v = std::clamp(v, m.lo, m.hi);
    const double traffic = s.traffic * days * trafficShape * (weekend ? 0.55 : 1.0);
    *samples = std::max<qint64>(0, std::llround(traffic * (1.0 + 0.15 * r.normal())));
    return v;
}

qint64 DemoSeriesGenerator::recordedAt(qint64 periodStart, qint64 periodEnd, qint64 delay) const
{
    // A finished period is recorded delay seconds after its end; the running one (it ends
    // after the anchor) up to five minutes before the anchor, never before the period starts.
    const qint64 at = periodEnd + delay;
    if (at <= m_options.anchorEpoch)
        return at;
    return std::max(periodStart, m_options.anchorEpoch - delay % 300);
}

qint64 DemoSeriesGenerator::periodEnd(const Series &s, int j) const
{
    // the running period ends, so far, at the anchor
    return std::min(s.start + qint64(j + 1) * s.step, m_options.anchorEpoch);
}

void DemoSeriesGenerator::writePersonaPoint(int j, qint64 row, CopyRowWriter &w) const
{
    const Series &s = m_persona;
    const MetricSpec &m = kPersonaSpecs[s.spec];
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::PersonaAnalytics), row);
    qint64 samples = 0;
    const double v = value(s, j, r, false, &samples);
    const qint64 start = s.start + qint64(j) * s.step;
    const qint64 end = periodEnd(s, j);
    const qint64 recorded
        = recordedAt(start, start + s.step, r.between(30, s.step == kHour ? 600 : 3 * kHour));
    const auto [hi, lo] = DemoRandom::uuid(m_options.seed, int(DemoTable::PersonaAnalytics), row);
    w.uuid(hi, lo);
    w.uuid(s.owner.first, s.owner.second);
    w.text(m.type);
    w.text(m.name);
    w.decimal(v, m.decimals);
    w.text(m.unit);
    w.text(s.dimensions);
    if (s.hasUser)
        w.uuid(s.user.first, s.user.second);
    else
        w.null();
    w.uuid(s.agent.first, s.agent.second);
    w.timestamp(start);
    w.timestamp(end);
    w.text(aggregationOf(s.step));
    w.text(qualityOf(samples));
    w.decimal(confidenceOf(samples), 2);
    w.integer(samples);
    w.timestamp(recorded);
    w.timestamp(recorded);
    w.timestamp(recorded);
    w.endRow();
}

void DemoSeriesGenerator::writeAgentPoint(int j, qint64 row, CopyRowWriter &w) const
{
    const Series &s = m_agent;
    const MetricSpec &m = kAgentSpecs[s.spec];
    DemoRandom r = DemoRandom::forRow(m_options.seed, int(DemoTable::AgentCapabilityMetrics), row);
    qint64 samples = 0;
    const double v = value(s, j, r, true, &samples);
    const qint64 start = s.start + qint64(j) * s.step;
    const qint64 end = periodEnd(s, j);
    const qint64 recorded = recordedAt(start, start + s.step, r.between(30, 2 * kHour));
    const double scale = m.volume ? double(s.step) / double(CivilTime::kSecondsPerDay) : 1.0;
    const double baseline = s.base * scale;
    double target = m.higherIsBetter ? baseline * 1.1 : baseline * 0.85;
    if (m.hi <= 1.0)
        target = m.higherIsBetter ? s.base + (1.0 - s.base) * 0.3 : s.base * 0.8;
    const char *trend = "unknown";
    const int back = s.step == CivilTime::kSecondsPerDay ? 7 : 2;
    if (j >= back) {
        const double x0 = double(j - back) / double(s.length - 1);
        const double x1 = double(j) / double(s.length - 1);
        double change = trendFactor(s, x1) / trendFactor(s, x0) - 1.0;
        if (!m.higherIsBetter)
            change = -change;
        trend = change > 0.005 ? "improving" : change < -0.005 ? "declining" : "stable";
    }
    const auto [hi, lo]
        = DemoRandom::uuid(m_options.seed, int(DemoTable::AgentCapabilityMetrics), row);
    w.uuid(hi, lo);
    w.uuid(s.owner.first, s.owner.second);
    w.text(s.capability);
    w.text(m.type);
    w.decimal(v, m.decimals);
    w.text(m.unit);
    w.decimal(std::clamp(baseline, m.lo, m.hi), m.decimals);
    w.decimal(std::clamp(target, m.lo, m.hi), m.decimals);
    w.text(trend);
    w.decimal(confidenceOf(samples), 2);
    w.integer(samples);
    w.timestamp(start);
    w.timestamp(end);
    w.text(s.dimensions);
    w.timestamp(recorded);
    w.timestamp(recorded);
    w.timestamp(recorded);
    w.endRow();
}

} // namespace uaip
