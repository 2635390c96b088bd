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
    QString serverStart;

    // Since when the scans surely count: the later of the statistics' reset and the server's
    // start (a crash resets the counts, and a restart cannot be told from one).
    QString countedSince() const { return qMax(statsReset, serverStart); }
    // The tables whose indexes were not read: an ACCESS EXCLUSIVE lock held or waited for.
    QStringList lockedTables() const;
};

} // namespace uaip
