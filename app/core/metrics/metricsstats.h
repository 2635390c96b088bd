#pragma once

#include "metricsbucket.h"
#include "metricsseriesstats.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

class PgResult;

// Reads stats.sql's answer (the legend's statistics over the raw rows, per series key) and
// derives from it the finest bucket that still suits the data: a bucket finer than the data's
// own sampling interval leaves every other bucket empty, and the line falls apart into dots.
class MetricsStats
{
public:
    static QHash<QString, MetricsSeriesStats> read(const PgResult &result);
    // The panel's native interval (seconds): the median over the series with at least two row
    // times of their native interval (MetricsSeriesStats::nativeSeconds, the 90th percentile
    // of the times between their rows); 0 when none has two.
    static double samplingSeconds(const QList<MetricsSeriesStats> &stats);
    // The smallest nice bucket (MetricsBucket::niceSizes()) of at least 75 % of seconds (a
    // daily series whose rows drift by hours gets 1d, not 1w; rows twice a day, 12 h apart,
    // get 12h); nullopt for 0.
    static std::optional<MetricsBucket> floorFor(double seconds);
};

} // namespace uaip
