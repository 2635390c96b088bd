#pragma once

#include "forecast/lockforecast.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

class PgConnection;

// A CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that fails part-way (its lock wait given
// up, a Cancel) leaves an invalid index behind (PostgreSQL's own; REINDEX's is <name>_ccnew):
// running the statement again then fails with "already exists", or, with IF NOT EXISTS, passes
// over the invalid index. The no-transaction runner reads the invalid indexes of the statement's
// tables before it runs (live/sql/invalid_indexes.sql); after a failure the new ones are
// dropped (DROP INDEX CONCURRENTLY), or named with the command that drops them.
class ConcurrentIndexLeftovers
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConcurrentIndexLeftovers)

public:
    // The invalid indexes (schema-qualified, quoted) on the tables of the forecast.
    static Result<QStringList> invalid(PgConnection &connection, const LockForecast &forecast);
    // After the statement failed: each invalid index not in before is dropped; a sentence for
    // the failure message saying what was left and what became of it (empty: nothing was left).
    static QString cleanUp(PgConnection &connection, const LockForecast &forecast,
                           const QStringList &before);
};

} // namespace uaip
