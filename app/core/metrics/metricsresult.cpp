#include "metricsresult.h"

namespace uaip {

bool MetricsResult::noData() const
{
    if (!ok())
        return false;
    for (const MetricsSeries &s : series) {
        if (!s.points.isEmpty())
            return false;
    }
    return true;
}

} // namespace uaip
