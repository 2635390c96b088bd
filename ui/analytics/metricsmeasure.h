#pragma once

#include "metrics/metricsaggregation.h"
#include "metrics/metricspanel.h"
#include "metrics/metricspoint.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// What a panel's line shows: a measurement (metric type/name of the request) and which value
// of each point is drawn — the chosen aggregation, or a fixed one (calls = count, success or
// failure rate).
struct MetricsMeasure
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MetricsMeasure)

public:
    enum class Value { Aggregated, Count, Rate };

    QString label;
    QString type; // MetricsRequest::metricType
    QString name; // MetricsRequest::metricName
    Value value = Value::Aggregated;
    MetricsAggregation defaultAggregation = MetricsAggregation::Mean;

    // The fixed measures of the Tools, Interactions and Tokens panels (Persona and Capability
    // take theirs from MetricsCatalog::choices()).
    static QList<MetricsMeasure> fixed(MetricsPanel panel);

    // The value drawn for a point, or nullopt (no value: the point is left out).
    static std::optional<double> drawn(const MetricsPoint &point, Value value,
                                       MetricsAggregation aggregation);
    // Whether a min/max band belongs under the line (values, not counts or rates or sums).
    static bool hasBand(Value value, MetricsAggregation aggregation);
};

} // namespace uaip
