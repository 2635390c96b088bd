#pragma once

#include <QString>

namespace uaip {

// One normalized statement of pg_stat_statements ($n for its constants), as counted since the
// extension's last reset. Times in milliseconds.
struct QueryStat
{
    QString queryId;
    QString query; // "<insufficient privilege>" for another role's when the role may not see it
    QString user;
    qint64 calls = 0;
    double totalMs = 0;
    double meanMs = 0;
    qint64 rows = 0;
    qint64 sharedHit = 0;
    qint64 sharedRead = 0;
    double sharePercent = 0; // of the database's total execution time

    bool textHidden() const { return query == QLatin1String("<insufficient privilege>"); }
};

} // namespace uaip
