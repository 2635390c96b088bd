#include "metricsaggregation.h"

#include <array>

namespace uaip {

namespace {

constexpr std::array<const char *, 7> kNames{"mean", "p50", "p95", "min", "max", "count", "sum"};

} // namespace

QString metricsAggregationName(MetricsAggregation aggregation)
{
    return QString::fromLatin1(kNames[std::size_t(aggregation)]);
}

std::optional<MetricsAggregation> metricsAggregationFromName(const QString &name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return MetricsAggregation(i);
    }
    return std::nullopt;
}

QStringList metricsAggregationNames()
{
    QStringList names;
    for (const char *n : kNames)
        names << QString::fromLatin1(n);
    return names;
}

} // namespace uaip
