#pragma once

#include "metricsaggregation.h"
#include "metricsbucket.h"
#include "metricspanel.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// What one panel asks for. Plain value; check it with MetricsQuery::validate() (or just run
// it: run() validates first and answers bad input with an error value).
struct MetricsRequest
{
    MetricsPanel panel = MetricsPanel::Persona;
    QDateTime from; // inclusive
    QDateTime to; // exclusive
    QString timeZone = QStringLiteral("UTC"); // IANA name; buckets follow its local midnight
    int widthPx = 1600; // plot width in pixels; with auto buckets: <= 1 point per 2 columns
    std::optional<MetricsBucket> bucket; // nullopt = auto (MetricsBucketChooser)
    // With an auto bucket: never finer than the data's native interval, measured from the
    // rows in range (MetricsStats: the median over the drawn series of the 90th percentile of
    // the times between their rows), so data twice a day is drawn as a line, not as dots with
    // an empty bucket between. On by default (the CLI too); the Analytics view turns it off for
    // a zoom, where finer buckets show where in a day the rows lie.
    bool bucketAtLeastSampling = true;
    MetricsAggregation aggregation = MetricsAggregation::Mean; // the line drawn

    // Which measurement, per panel (empty = the panel's default):
    //   Persona:      metricType = persona_analytics.metric_type (optional filter),
    //                 metricName = metric_name (required)
    //   Capability:   metricType = agent_capability_metrics.metric_type (default performance),
    //                 metricName = capability_name (required)
    //   Tools:        metricName unused; value = execution_time_ms, rate = success rate
    //   Interactions: metricName = tokens (default) | response_time; rate = failure rate
    //   Tokens:       metricName = tokens (default, input + output) | cost
    QString metricType;
    QString metricName;

    // Series to show, by key (persona/agent/tool uuid, model name, "model|organisation uuid"
    // for Tokens, "model|" for unattributed). Empty = the top N by volume in the range.
    QStringList ids;
    int topN = 10; // 0 = every series
    bool previousPeriod = false; // also the same length of time just before [from, to)
    // p50/p95 cost a sort per bucket; computed when the aggregation is P50/P95 or when this is
    // set (the CLI sets it). Otherwise p50/p95 of every point are nullopt.
    bool withPercentiles = false;

    bool percentiles() const
    {
        return withPercentiles || aggregation == MetricsAggregation::P50
            || aggregation == MetricsAggregation::P95;
    }
};

} // namespace uaip
