#include "historysegments.h"

namespace uaip {

QList<WorkloadHistorySeries::QueryPoint> HistorySegments::points(const QList<Sample> &samples,
                                                                 const QList<Counters> &counters)
{
    QList<WorkloadHistorySeries::QueryPoint> out;
    int segment = 0;
    for (qsizetype i = 1; i < counters.size(); ++i) {
        const Counters &before = counters.at(i - 1);
        const Counters &after = counters.at(i);
        const bool consecutive = after.sample == before.sample + 1 && before.sample >= 0
            && after.sample < samples.size();
        const bool reset = !consecutive || after.calls < before.calls
            || after.totalMs < before.totalMs
            || samples.at(after.sample).statsSince != samples.at(before.sample).statsSince;
        if (reset) {
            if (!out.isEmpty() && out.constLast().segment == segment)
                ++segment;
            continue;
        }
        WorkloadHistorySeries::QueryPoint p;
        p.at = samples.at(after.sample).at;
        p.calls = after.calls - before.calls;
        p.meanMs = p.calls > 0 ? (after.totalMs - before.totalMs) / double(p.calls) : -1;
        p.segment = segment;
        out.append(p);
    }
    return out;
}

} // namespace uaip
