#pragma once

#include <QtGlobal>

#include <optional>

namespace uaip {

// The statistics of one series over the raw rows of the range (stats.sql), not over its
// buckets: the legend's Min / Max / Mean / Last, the same for every plot width, zoom level and
// bucket size. Values are nullopt when the series has no non-NULL value in the range.
struct MetricsSeriesStats
{
    qint64 rows = 0; // rows in the range
    qint64 values = 0; // rows with a non-NULL value
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> mean; // every row weighs the same (not a mean of bucket means)
    std::optional<double> last; // the value of the latest row
    qint64 firstMs = 0; // time of the first and last row (ms since the epoch)
    qint64 lastMs = 0;
    qint64 instants = 0; // distinct row times
    // The series' native interval (seconds): the 90th percentile of the times between its
    // consecutive distinct row times (stats.sql); 0 with fewer than two row times.
    double nativeSeconds = 0;
    bool known = false; // false: not computed (the series has no row in the range)

    // The mean time between the series' row times (seconds), or 0 with fewer than two.
    double samplingSeconds() const
    {
        return instants > 1 ? double(lastMs - firstMs) / 1000.0 / double(instants - 1) : 0.0;
    }
};

} // namespace uaip
