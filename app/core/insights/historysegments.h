#pragma once

#include "workloadhistoryseries.h"

#include <QList>
#include <QString>

namespace uaip {

// A statement's series from its counters in consecutive samples: the calls and mean time of
// each interval from counter differences, never a negative value (HistorySegments::points).
class HistorySegments
{
public:
    // One sample of the window, in order.
    struct Sample
    {
        QDateTime at;
        QString statsSince;
        bool statementsRecorded = true;
    };
    // A statement's counters in one sample (index into the samples).
    struct Counters
    {
        int sample = 0;
        qint64 calls = 0;
        double totalMs = 0;
    };

    // The points of one statement's counters (ordered by sample): an interval between the
    // counters of two consecutive samples gives a point; a gap (a sample without them), a
    // counter going down or stats_since changing starts a new segment instead.
    static QList<WorkloadHistorySeries::QueryPoint> points(const QList<Sample> &samples,
                                                           const QList<Counters> &counters);
};

} // namespace uaip
