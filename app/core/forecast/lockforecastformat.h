#pragma once

#include "lockblocker.h"
#include "relationsize.h"
#include "statementforecast.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QStringList>

namespace uaip {

// How a dry run shows the lock forecast of a migration's statements (MigrationLockForecast) with
// the live size of each table (RelationSizes): as SQL comment lines after the migration's text,
// and as the JSON "statements" array. Statements that lock nothing of note are left out of both.
class LockForecastFormat
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LockForecastFormat)

public:
    using Sizes = QHash<QString, RelationSize>; // by the name the statement writes
    using Holders = QHash<QString, QList<LockBlocker>>; // the same: who holds a conflicting lock

    // "-- lock at 3:1 ALTER TABLE ...: ACCESS EXCLUSIVE on public.t (1,000,000 rows, 120 MB),
    // blocks reads and writes, rewrites the table" and the online form on the next line.
    // heldBy: a line "held now by pid ... (application, state, transaction 14 s)" under each
    // relation a session holds a conflicting lock on.
    static QStringList commentLines(const QString &file, const QList<StatementForecast> &items,
                                    const Sizes &sizes, const Holders &heldBy = {});
    // [{"line", "column", "statement", "lock", "relations": [{"name", "mode", "rows", "bytes"}],
    //   "rewrites", "may_rewrite", "scans", "blocks": ["reads", "writes"], "online_forms",
    //   "not_checked", "notes"}]; each relation also says its own rewrites, may_rewrite, scans,
    //   and held_by: [{"pid", "application", "state", "transaction_ms", "mode"}]
    static QJsonArray json(const QList<StatementForecast> &items, const Sizes &sizes,
                           const Holders &heldBy = {});
    // "pid 4711 (analytics, idle in transaction, transaction 14 s) holds AccessShareLock on t"
    static QString heldByLine(const LockBlocker &holder);

    // "SHARE on agent_events (1,000,000 rows, 8.45 MiB): blocks writes, scans the table"
    static QString relationLine(const RelationLock &lock, const Sizes &sizes);
    // "1,000,000 rows, 8.45 MiB" (also for lint's findings against a database)
    static QString sizeText(const QString &relation, const Sizes &sizes);

private:
    static bool shown(const StatementForecast &item);
};

} // namespace uaip
