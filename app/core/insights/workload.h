#pragma once

#include "querystat.h"

#include <QList>

namespace uaip {

// The connected database's top statements (WorkloadReader): since when they count (UTC, empty
// when unknown), how many statements pg_stat_statements dropped for want of room, the database's
// total execution time.
struct Workload
{
    QList<QueryStat> queries;
    QString since;
    qint64 deallocated = 0;
    double databaseTotalMs = 0;
    int hiddenTexts = 0; // statements of other roles whose text this role may not read
};

} // namespace uaip
