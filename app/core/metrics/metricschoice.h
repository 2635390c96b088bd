#pragma once

#include <QString>
#include <QtGlobal>

namespace uaip {

// One measurement a panel can show (what MetricsRequest::metricType / metricName take).
struct MetricsChoice
{
    QString type; // Persona / Capability: the metric_type enum value; else empty
    QString name; // metric_name, capability_name, or tokens / response_time / cost
    qint64 rows = -1; // rows behind it (-1 for the fixed choices)
};

} // namespace uaip
