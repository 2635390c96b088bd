#pragma once

#include "metricsrequest.h"

#include <QString>
#include <QStringList>

namespace uaip {

// Whether a panel's request can be run (MetricsQuery::validate): a valid, non-empty range
// within the years 1 to 9999; a time zone the IANA database knows; a plot width and top N in
// range; a metric name and type the panel has; series ids of the panel's form (uuids,
// "model|organisation id"); an explicit bucket the panel's data allows that gives at most one
// point per few pixels of the plot. Messages are English (MetricsResult's).
class MetricsRequestValidator
{
public:
    // The message of the first thing wrong; empty when the request is fine.
    static QString problem(const MetricsRequest &request);
    // The measurements a panel with fixed ones accepts (first = default); empty = free names.
    static QStringList fixedNames(MetricsPanel panel);
};

} // namespace uaip
