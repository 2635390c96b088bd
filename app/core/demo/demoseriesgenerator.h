#pragma once

#include "demodataoptions.h"
#include "demodataplan.h"
#include "demoentitygenerator.h"

#include <QtGlobal>

#include <string>

namespace uaip {

class CopyRowWriter;
class DemoRandom;

// The time series of the demo data: persona_analytics (10 metrics per persona, daily over
// months, some hourly over the last 30 days, per channel and region) and
// agent_capability_metrics (5 metric types for 4 capabilities per agent, daily or weekly).
// Each series has a baseline, a trend that bends once, weekly (and for hourly series daily)
// seasonality, a slow quarterly wave, noise and rare anomalies; sample sizes follow traffic
// and give the confidence scores and data quality.
//
// Series k is a pure function of (seed, k); write a series' points in order after begin*().
class DemoSeriesGenerator
{
public:
    DemoSeriesGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    int personaSeriesLength(qint64 k) const;
    int agentSeriesLength(qint64 k) const;

    void beginPersonaSeries(qint64 k);
    void writePersonaPoint(int j, qint64 row, CopyRowWriter &w) const;
    void beginAgentSeries(qint64 k);
    void writeAgentPoint(int j, qint64 row, CopyRowWriter &w) const;

private:
    struct Series
    {
        int spec = 0; // index into the metric table
        int length = 0; // points
        qint64 step = 0; // seconds per point
        qint64 start = 0; // period start of point 0
        double base = 0; // level at the start
        double slope1 = 0; // relative change over the series before the bend
        double slope2 = 0; // ... and after it
        double bend = 0.5; // where the trend bends (0..1)
        double phase = 0; // of the quarterly wave
        double traffic = 0; // samples per day
        DemoEntityGenerator::Uuid owner{}; // persona or agent id
        DemoEntityGenerator::Uuid agent{}; // persona series: the persona's agent
        DemoEntityGenerator::Uuid user{};
        bool hasUser = false;
        std::string dimensions; // persona: dimensions jsonb; agent: context jsonb
        const char *capability = nullptr;
    };

    void beginSeries(Series &s, DemoRandom &r, int spec, bool agentTable) const;
    double trendFactor(const Series &s, double x) const;
    // When the row of a period [periodStart, periodEnd) was recorded: delay seconds after its
    // end, never after the anchor nor before the period starts.
    qint64 recordedAt(qint64 periodStart, qint64 periodEnd, qint64 delay) const;
    // The end of point j's period as stored: its calendar end, or the anchor while it runs.
    qint64 periodEnd(const Series &s, int j) const;
    // Value and sample size of point j.
    double value(const Series &s, int j, DemoRandom &r, bool agentTable, qint64 *samples) const;

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
    DemoEntityGenerator m_entities;
    Series m_persona;
    Series m_agent;
};

} // namespace uaip
