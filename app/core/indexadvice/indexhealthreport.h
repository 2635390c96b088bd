#pragma once

#include "indexfinding.h"
#include "indexinfo.h"

#include <QList>
#include <QStringList>

namespace uaip {

// IndexHealthReader's reading: every index of the connected database, the findings about them,
// and since when their scans count (the statistics' last reset, else the server's start).
struct IndexHealthReport
{
    QList<IndexInfo> indexes;
    QList<IndexFinding> findings;
    QString statsReset; // UTC; empty: never reset
    QString serverStart; // UTC: the server's start or its last crash recovery, the later

    // Since when the scans surely count: the later of the statistics' reset and serverStart
    // (crash recovery resets the counts; the shared statistics' reset time says when).
    QString countedSince() const { return qMax(statsReset, serverStart); }
    // The tables whose indexes were not read: an ACCESS EXCLUSIVE lock held or waited for.
    QStringList lockedTables() const;
};

} // namespace uaip
