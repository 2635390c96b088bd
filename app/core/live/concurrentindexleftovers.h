#pragma once

#include "forecast/lockforecast.h"
#include "ledger/migrationstatus.h"
#include "sqlparse/sqlsplitresult.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace uaip {

class PgConnection;

// A CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that fails part-way (its lock wait given
// up, a Cancel) leaves an invalid index behind (PostgreSQL's own; REINDEX's is <name>_ccnew):
// running the statement again then fails with "already exists", or, with IF NOT EXISTS, passes
// over the invalid index. The no-transaction runner reads the invalid indexes of the statement's
// tables before it runs (live/sql/invalid_indexes.sql); after a failure the new ones are
// dropped (DROP INDEX CONCURRENTLY), or named with the command that drops them. A run killed
// (kill -9) or cut off in the middle of the build cleans up nothing: the invalid index stays,
// and status, every later up and repair --mark-done name it (builtBy, ofFailedRuns).
class ConcurrentIndexLeftovers
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConcurrentIndexLeftovers)

public:
    // An invalid index a script's CREATE INDEX CONCURRENTLY left: the index and its table, both
    // schema-qualified and quoted as the server prints them.
    struct Left
    {
        QString index;
        QString table;
    };

    // The invalid indexes (schema-qualified, quoted) on the tables of the forecast.
    static Result<QStringList> invalid(PgConnection &connection, const LockForecast &forecast);
    // After the statement failed: each invalid index not in before is dropped; a sentence for
    // the failure message saying what was left and what became of it (empty: nothing was left).
    static QString cleanUp(PgConnection &connection, const LockForecast &forecast,
                           const QStringList &before);
    // The invalid indexes the script's CREATE INDEX CONCURRENTLY statements create, by the
    // names they give (an unnamed one: any invalid index of its table;
    // live/sql/invalid_indexes_built.sql, one statement; none when the script builds none).
    static Result<QList<Left>> builtBy(PgConnection &connection, const SqlSplitResult &script);
    // "public.t_v on public.t is invalid (...): DROP INDEX CONCURRENTLY public.t_v removes it"
    static QString describe(const Left &left);
    // Of each failed run (MigrationState::Failed) of statuses, the invalid indexes its script
    // (the up or down one, as the ledger's progress says) left: one line each, "<id>: <describe>";
    // a read that failed is a line saying so.
    static QStringList ofFailedRuns(PgConnection &connection,
                                    const QList<MigrationStatus> &statuses);
};

} // namespace uaip
