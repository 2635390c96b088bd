#pragma once

#include <QString>

namespace uaip {

// One table's vacuum state (TableHealthReader): size from pg_class, live and dead tuples, rows
// changed since the last analyze, last (auto)vacuum and (auto)analyze (UTC, empty when never),
// the age of its oldest unfrozen transaction id and multixact against the age at which
// autovacuum forces a freeze. The bloat figures are read on request only (pgstattuple_approx):
// -1 until then.
struct TableHealth
{
    qint64 oid = 0;
    QString schema;
    QString table;
    qint64 bytes = 0;
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    qint64 modifiedSinceAnalyze = 0;
    QString lastVacuum;
    QString lastAutovacuum;
    QString lastAnalyze;
    QString lastAutoanalyze;
    qint64 xidAge = 0;
    qint64 mxidAge = 0;
    qint64 freezeMaxAge = 0;
    double freePercent = -1;
    double deadPercent = -1;

    double deadRatio() const
    {
        return liveTuples + deadTuples > 0 ? double(deadTuples) / (liveTuples + deadTuples) : 0;
    }
};

} // namespace uaip
