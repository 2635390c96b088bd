#pragma once

#include <QString>

namespace uaip {

// One index of pg_stat_user_indexes.
struct IndexStats
{
    QString schema;
    QString table;
    QString index;
    qint64 bytes = 0;
    bool sizeEstimated = false; // bytes is the catalog's estimate (the index or table was locked)
    qint64 scans = 0;
    qint64 tuplesRead = 0;
    qint64 tuplesFetched = 0;
};

} // namespace uaip
