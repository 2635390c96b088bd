#pragma once

#include "databasewraparound.h"
#include "sequenceheadroom.h"
#include "tablehealth.h"
#include "xminblocker.h"

#include <QList>

namespace uaip {

// TableHealthReader's reading: the connected database's tables (most dead tuples first), what
// holds back the cluster's xmin horizon (oldest first), every database's wraparound headroom,
// and the sequences by how much of their range is used.
struct TableHealthReport
{
    QList<TableHealth> tables;
    QList<XminBlocker> xminBlockers;
    QList<DatabaseWraparound> databases;
    QList<SequenceHeadroom> sequences;
};

} // namespace uaip
