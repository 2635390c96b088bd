#pragma once

#include <QString>

namespace uaip {

// What one WorkloadHistory::record() kept and pruned.
struct HistoryRecord
{
    qint64 sampleId = 0;
    QString takenAt; // UTC, ISO 8601
    // Whether the statements were recorded: false when pg_stat_statements is not ready here
    // (statementsMissing says how to enable it); the tables and connections are recorded then.
    bool statementsRecorded = false;
    QString statementsMissing;
    int statements = 0;
    int tables = 0;
    int connections = 0;
    int active = 0;
    int idleInTransaction = 0;
    int prunedSamples = 0; // older than the keep window or beyond the cap
    int keepDays = 0;
    int maxSamples = 0;
};

} // namespace uaip
