#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QtGlobal>

#include <optional>

namespace uaip {

// One bucket of one series. Values are nullopt when the bucket has no non-NULL value (or, for
// p50/p95, when percentiles were not asked for). min/max are the band that keeps spikes.
struct MetricsPoint
{
    // The bucket's first instant (ms since the epoch) and the request's zone's UTC offset at
    // that instant (seconds), kept as numbers: a 90-day panel has tens of thousands of points,
    // and a QDateTime with an offset is a heap object each.
    qint64 startMs = 0;
    int utcOffset = 0;
    // As a fixed-offset time (toString(Qt::ISODate) shows the offset, e.g.
    // 2026-03-30T00:00:00+02:00).
    QDateTime bucketStart() const
    {
        return QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone(utcOffset)); // +00:00, not Z
    }
    void setBucketStart(const QDateTime &t)
    {
        startMs = t.toMSecsSinceEpoch();
        utcOffset = t.offsetFromUtc();
    }
    qint64 count = 0; // rows in the bucket (for Tokens: token_consumption rows)
    // The times of the bucket's first and last row (ms since the epoch; 0 = not known).
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    // Persona and Capability: every row of the bucket is in it by the start of the period it
    // measures (time_period_start, measurement_period_start), not by its recorded_at.
    bool byPeriod = false;
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
