#pragma once

#include "indexfinding.h"
#include "indexinfo.h"

#include <QList>

namespace uaip {

// IndexHealthReader's reading: every index of the connected database, the findings about them,
// and since when their scans count (the statistics' last reset, else the server's start).
struct IndexHealthReport
{
    QList<IndexInfo> indexes;
    QList<IndexFinding> findings;
    QString statsReset; // UTC; empty: never reset
    QString serverStart;
};

} // namespace uaip
