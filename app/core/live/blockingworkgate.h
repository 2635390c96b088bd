#pragma once

#include "forecast/planforecast.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "lint/validationproblem.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// Blocking work on big tables, refused before the first statement (issue 43, point 3): a
// statement whose lock blocks writes (or reads) while it scans or rewrites an existing table of
// more than maxRows live rows (StatementLockForecast on its typed tree; RelationSizes on the
// target). Each is named with file:line:col, the table, its rows, the lock, what it blocks, and
// the online form to use instead. A migration with "-- uaip:allow-blocking <reason>" goes
// through on purpose (the reason goes into its ledger event). Tables the plan creates are not in
// the database yet, so a fresh database is never refused. The GUI, uaip-migrate and the fleet
// meet it in MigrationRunner, under the migration lock; the dry run and the GUI's Apply
// confirmation show the same refusal.
class BlockingWorkGate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::BlockingWorkGate)

public:
    // A lock that makes the platform wait while long work (a scan, a rewrite) runs under it.
    static bool blocksWhileWorking(const RelationLock &lock);
    // A table over maxRows rows; one never analyzed counts by its bytes.
    static bool isBig(const RelationSize &size, qint64 maxRows);
    // The statements of a forecast that block over maxRows (< 0: none is looked for), and
    // those that PostgreSQL would refuse when they run: CREATE INDEX CONCURRENTLY on a
    // partitioned table (kind "partitioned_concurrently"; uaip:allow-blocking does not let it
    // through).
    static QList<ValidationProblem> judge(const PlanForecast &forecast, qint64 maxRows);
    // The online way to build an index of the partitioned table (no CONCURRENTLY on it): ON
    // ONLY the parent, CONCURRENTLY on each partition, ATTACH PARTITION each.
    static QString partitionedIndexForm(const QString &table);
    // The plan's forecast read on the target (PlanForecastReader) and judged; result filled when
    // anything is found or the sizes cannot be read (nothing passes blindly): exit 2, nothing
    // run.
    static bool refuse(RunResult &result, PgConnection &connection,
                       const QList<MigrationStatus> &plan, bool up, qint64 maxRows);
    // The same on a forecast already read.
    static bool refuse(RunResult &result, const PlanForecast &forecast, bool up, qint64 maxRows);
};

} // namespace uaip
