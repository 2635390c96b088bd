#pragma once

#include "browse/columnfilter.h"
#include "metrics/metricspanel.h"
#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"

#include <QDateTime>
#include <QList>

namespace uaip {

// The Entities view's filters for the rows behind one bucket of a panel's series: the bucket's
// time (clipped to the range asked for; for rows bucketed by the period they measure, the range
// on the time column and the bucket on the period column), the series' key columns and, for
// Persona and Capability, the measurement.
class AnalyticsRowFilters
{
public:
    // The bucket of series that starts at bucketMs (ms since the epoch) of a result of request
    // with buckets of bucket; none when the series has no such bucket.
    static QList<ColumnFilter> of(MetricsPanel panel, const MetricsRequest &request,
                                  const MetricsBucket &bucket, const MetricsSeries &series,
                                  qint64 bucketMs);

private:
    static QList<ColumnFilter> timeFilters(MetricsPanel panel, const MetricsRequest &request,
                                           const QDateTime &start, const QDateTime &end);
    static QList<ColumnFilter> keyFilters(MetricsPanel panel, const QString &key);
    static QList<ColumnFilter> measureFilters(MetricsPanel panel, const MetricsRequest &request);
};

} // namespace uaip
