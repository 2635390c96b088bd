#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// Which per-bucket value a panel draws as its line. Every point carries all of them (the
// percentiles only when the request asks for them, see MetricsRequest::percentiles()).
enum class MetricsAggregation { Mean, P50, P95, Min, Max, Count, Sum };

QString
metricsAggregationName(MetricsAggregation aggregation); // mean, p50, p95, min, max, count, sum
// The name in the user's language, for the screen ("mean" / "Mittel").
QString metricsAggregationLabel(MetricsAggregation aggregation);
std::optional<MetricsAggregation> metricsAggregationFromName(const QString &name);
QStringList metricsAggregationNames();

} // namespace uaip
