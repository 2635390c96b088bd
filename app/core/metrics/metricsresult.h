#pragma once

#include "db/boundstatement.h"
#include "error/error.h"
#include "metricsbucket.h"
#include "metricsseries.h"

#include <QList>
#include <QString>

namespace uaip {

// What a panel query returns. Errors are values: check ok() first.
struct MetricsResult
{
    // Set when the query did not run or failed: BadInput (the request is wrong, nothing was
    // sent), Cancelled (PgConnection::cancel() from another thread), or the server's error
    // (Server, Connection) with the panel's query named first.
    Error error;

    MetricsBucket bucket; // the bucket used (chosen or explicit): show it to the user
    // The drawn series' typical sampling interval (seconds; MetricsStats::samplingSeconds) and
    // whether it made the auto bucket coarser than the width alone would (bucketAtLeastSampling).
    double samplingSeconds = 0;
    bool bucketFromSampling = false;
    BoundStatement statement; // "Show SQL": the series statement as sent
    // Every statement run() sent, in order (top N, statistics, series, previous period, labels).
    QList<BoundStatement> sent;
    QList<MetricsSeries> series;
    // previousPeriod: the same series over [from - (to - from), from); their points carry
    // their real bucket starts: draw them at bucketStart + previousOffsetMs.
    QList<MetricsSeries> previous;
    qint64 previousOffsetMs = 0;

    bool ok() const { return !error.isSet(); }
    // "no data in this range": ok, but not one point.
    bool noData() const;
};

} // namespace uaip
