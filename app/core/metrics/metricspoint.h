#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <optional>

namespace uaip {

// One bucket of one series. Values are nullopt when the bucket has no non-NULL value (or, for
// p50/p95, when percentiles were not asked for). min/max are the band that keeps spikes.
struct MetricsPoint
{
    // The bucket's first instant, as a fixed-offset time: the request's zone's UTC offset at
    // that instant (toString(Qt::ISODate) shows it, e.g. 2026-03-30T00:00:00+02:00).
    QDateTime bucketStart;
    qint64 count = 0; // rows in the bucket (for Tokens: token_consumption rows)
    std::optional<double> mean;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> p50;
    std::optional<double> p95;
    std::optional<double> sum;
    // Tools: success rate; Interactions: failure rate (0..1 of the bucket's rows).
    std::optional<double> rate;
    // Capability only: mean baseline_value, target_value and confidence_score of the bucket.
    std::optional<double> baseline;
    std::optional<double> target;
    std::optional<double> confidence;
};

} // namespace uaip
