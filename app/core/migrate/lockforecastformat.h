#pragma once

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

    // "-- lock at 3:1 ALTER TABLE ...: ACCESS EXCLUSIVE on public.t (1,000,000 rows, 120 MB),
    // blocks reads and writes, rewrites the table" and the online form on the next line.
    static QStringList commentLines(const QString &file, const QList<StatementForecast> &items,
                                    const Sizes &sizes);
    // [{"line", "column", "statement", "lock", "relations": [{"name", "mode", "rows", "bytes"}],
    //   "rewrites", "may_rewrite", "scans", "blocks": ["reads", "writes"], "online_forms",
    //   "not_checked", "notes"}]; each relation also says its own rewrites, may_rewrite, scans
    static QJsonArray json(const QList<StatementForecast> &items, const Sizes &sizes);
    // Every relation name the forecasts name (for RelationSizes::read).
    static QStringList relationNames(const QList<StatementForecast> &items);

    // "SHARE on agent_events (1,000,000 rows, 8.45 MiB): blocks writes, scans the table"
    static QString relationLine(const RelationLock &lock, const Sizes &sizes);

private:
    static bool shown(const StatementForecast &item);
    static QString sizeText(const QString &relation, const Sizes &sizes);
};

} // namespace uaip
