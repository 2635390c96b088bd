#include "metricsmeasure.h"

#include <QCoreApplication>

namespace uaip {

QList<MetricsMeasure> MetricsMeasure::fixed(MetricsPanel panel)
{
    using A = MetricsAggregation;
    switch (panel) {
    case MetricsPanel::Persona:
    case MetricsPanel::Capability:
        return {};
    case MetricsPanel::Tools:
        return {{tr("Execution time (ms)"), {}, {}, Value::Aggregated, A::P95},
                {tr("Calls"), {}, {}, Value::Count, A::Mean},
                {tr("Success rate"), {}, {}, Value::Rate, A::Mean}};
    case MetricsPanel::Interactions:
        return {{tr("Tokens"), {}, QStringLiteral("tokens"), Value::Aggregated, A::Mean},
                {tr("Response time (ms)"),
                 {},
                 QStringLiteral("response_time"),
                 Value::Aggregated,
                 A::Mean},
                {tr("Failure rate"), {}, QStringLiteral("tokens"), Value::Rate, A::Mean},
                {tr("Calls"), {}, QStringLiteral("tokens"), Value::Count, A::Mean}};
    case MetricsPanel::Tokens:
        return {{tr("Tokens per day"), {}, QStringLiteral("tokens"), Value::Aggregated, A::Sum},
                {tr("Cost per day"), {}, QStringLiteral("cost"), Value::Aggregated, A::Sum}};
    }
    return {};
}

std::optional<double> MetricsMeasure::drawn(const MetricsPoint &point, Value value,
                                            MetricsAggregation aggregation)
{
    switch (value) {
    case Value::Count:
        return double(point.count);
    case Value::Rate:
        return point.rate;
    case Value::Aggregated:
        break;
    }
    switch (aggregation) {
    case MetricsAggregation::Mean:
        return point.mean;
    case MetricsAggregation::P50:
        return point.p50;
    case MetricsAggregation::P95:
        return point.p95;
    case MetricsAggregation::Min:
        return point.min;
    case MetricsAggregation::Max:
        return point.max;
    case MetricsAggregation::Count:
        return double(point.count);
    case MetricsAggregation::Sum:
        return point.sum;
    }
    return std::nullopt;
}

bool MetricsMeasure::hasBand(Value value, MetricsAggregation aggregation)
{
    return value == Value::Aggregated && aggregation != MetricsAggregation::Count
        && aggregation != MetricsAggregation::Sum;
}

} // namespace uaip
