#pragma once

#include "metricspoint.h"
#include "metricsseriesstats.h"

#include <QList>
#include <QString>

namespace uaip {

// One line of a panel: points in bucket order; buckets without rows are absent (a gap).
struct MetricsSeries
{
    QString key; // what MetricsRequest::ids takes (uuid, model, "model|org")
    QString label; // for the legend (persona/agent/tool name, model, "model · organisation")
    qint64 volume = 0; // rows in the range (what top N ranks by)
    QList<MetricsPoint> points;
    MetricsSeriesStats stats; // over the raw rows of the range (MetricsQuery::run)
};

} // namespace uaip
