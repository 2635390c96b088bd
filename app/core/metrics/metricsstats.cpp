#include "metricsstats.h"

#include "db/pgresult.h"
#include "metricsnumber.h"

#include <algorithm>

namespace uaip {

namespace {

// The native interval is the 90th percentile of the gaps between rows, an upper measure: rows
// of a daily schedule that drift by hours still get 1d (26.4 h * 0.75 < 24 h).
constexpr double kSamplingSlack = 0.75;

} // namespace

QHash<QString, MetricsSeriesStats> MetricsStats::read(const PgResult &r)
{
    QHash<QString, MetricsSeriesStats> stats;
    const int key = r.columnIndex("key");
    const int rows = r.columnIndex("n");
    const int values = r.columnIndex("nv");
    const int min = r.columnIndex("min");
    const int max = r.columnIndex("max");
    const int mean = r.columnIndex("mean");
    const int last = r.columnIndex("last");
    const int firstMs = r.columnIndex("first_ms");
    const int lastMs = r.columnIndex("last_ms");
    const int instants = r.columnIndex("instants");
    const int native = r.columnIndex("native_s");
    for (int i = 0; i < r.rows(); ++i) {
        MetricsSeriesStats s;
        s.rows = r.value(i, rows).toLongLong();
        s.values = r.value(i, values).toLongLong();
        s.min = MetricsNumber::at(r, i, min);
        s.max = MetricsNumber::at(r, i, max);
        s.mean = MetricsNumber::at(r, i, mean);
        s.last = MetricsNumber::at(r, i, last);
        s.firstMs = r.value(i, firstMs).toLongLong();
        s.lastMs = r.value(i, lastMs).toLongLong();
        s.instants = r.value(i, instants).toLongLong();
        s.nativeSeconds = native >= 0 ? MetricsNumber::at(r, i, native).value_or(0.0) : 0.0;
        s.known = true;
        stats.insert(r.value(i, key), s);
    }
    return stats;
}

double MetricsStats::samplingSeconds(const QList<MetricsSeriesStats> &stats)
{
    QList<double> intervals;
    for (const MetricsSeriesStats &s : stats)
        if (s.nativeSeconds > 0)
            intervals.append(s.nativeSeconds);
    if (intervals.isEmpty())
        return 0;
    std::sort(intervals.begin(), intervals.end());
    const qsizetype mid = intervals.size() / 2;
    return intervals.size() % 2 ? intervals.at(mid)
                                : (intervals.at(mid - 1) + intervals.at(mid)) / 2.0;
}

std::optional<MetricsBucket> MetricsStats::floorFor(double seconds)
{
    if (seconds <= 0)
        return std::nullopt;
    for (const MetricsBucket &b : MetricsBucket::niceSizes())
        if (double(b.nominalSeconds()) >= seconds * kSamplingSlack)
            return b;
    return MetricsBucket::calendar(MetricsBucket::Unit::Year);
}

} // namespace uaip
