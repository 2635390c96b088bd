#pragma once

#include "metricsrequest.h"
#include "metricsresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace uaip {

// The series of a result as CSV or JSON: what `uaip-migrate metrics` prints and what the
// Analytics view's "Export CSV" writes, so both give exactly the series drawn. One row per
// point: bucket start (ISO 8601 with the zone's offset), series key, label, mean, min, max,
// p50, p95, count, then the panel's own columns (Tools/Interactions: rate; Capability:
// baseline, target, confidence). Empty CSV fields / JSON null = no value.
// With request.previousPeriod: CSV gets a last column "period" (current|previous) and the
// previous period's rows (real bucket starts, same series order) follow the current ones;
// JSON gets "previous_series" (same shape as "series") and "previous_offset_ms" (the chart
// draws a previous point at bucket_start + that offset).
class MetricsExport
{
public:
    static QStringList csvColumns(MetricsPanel panel);
    static QByteArray csv(const MetricsRequest &request, const MetricsResult &result);
    static QJsonObject json(const MetricsRequest &request, const MetricsResult &result);
    // Shortest text that reads back as the same double ("0.1", "12", "1e+20").
    static QString number(double value);
};

} // namespace uaip
