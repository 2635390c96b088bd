#pragma once

#include <QString>

namespace uaip {

// One table of pg_stat_user_tables: what a DBA reads before a migration. Times UTC ISO 8601,
// empty when never.
struct TableStats
{
    QString schema;
    QString table;
    qint64 totalBytes = 0; // with indexes and TOAST
    // totalBytes is the catalog's estimate (relpages): the table was locked, its exact size not
    // read (a read never waits on a table lock)
    bool sizeEstimated = false;
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    QString lastVacuum;
    QString lastAutovacuum;
    QString lastAnalyze;
    QString lastAutoanalyze;
    qint64 seqScans = 0;
    qint64 indexScans = 0;
};

} // namespace uaip
