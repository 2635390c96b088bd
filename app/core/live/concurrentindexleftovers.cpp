#include "concurrentindexleftovers.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "forecast/migrationlockforecast.h"
#include "util/visibletext.h"

namespace uaip {

Result<QStringList> ConcurrentIndexLeftovers::invalid(PgConnection &connection,
                                                      const LockForecast &forecast)
{
    QStringList names;
    for (const RelationLock &lock : forecast.locks)
        if (!lock.relation.isEmpty())
            names << lock.relation;
    QStringList indexes;
    if (names.isEmpty())
        return indexes;
    const PgResult r = connection.exec(SqlResource::of("live", "invalid_indexes"),
                                       {BoundStatement::textArray(names)});
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i)
        indexes << QString::fromUtf8(connection.quoteIdentifier(r.value(i, 0)) + '.'
                                     + connection.quoteIdentifier(r.value(i, 1)));
    return indexes;
}

QString ConcurrentIndexLeftovers::cleanUp(PgConnection &connection, const LockForecast &forecast,
                                          const QStringList &before)
{
    if (!connection.isOpen())
        return {};
    const Result<QStringList> now = invalid(connection, forecast);
    if (!now)
        return tr("whether it left an invalid index could not be read: %1")
            .arg(now.error().toString());
    QStringList dropped;
    QStringList left;
    for (const QString &index : now.value()) {
        if (before.contains(index))
            continue;
        // one statement, the name quoted: DROP INDEX CONCURRENTLY takes no parameter
        const PgResult r
            = connection.execOne("DROP INDEX CONCURRENTLY IF EXISTS " + index.toUtf8());
        if (r.ok())
            dropped << index;
        else
            left << tr("%1 (dropping it failed: %2; run DROP INDEX CONCURRENTLY %1 before going "
                       "on)")
                        .arg(index, r.error().toString());
    }
    QStringList said;
    if (!dropped.isEmpty())
        said << tr("the invalid index it left was dropped: %1")
                    .arg(dropped.join(QStringLiteral(", ")));
    if (!left.isEmpty())
        said << tr("it left an invalid index: %1").arg(left.join(QStringLiteral("; ")));
    return said.join(QStringLiteral("; "));
}

Result<QList<ConcurrentIndexLeftovers::Left>>
ConcurrentIndexLeftovers::builtBy(PgConnection &connection, const SqlSplitResult &script)
{
    QStringList tables;
    QStringList names;
    for (const StatementForecast &item : MigrationLockForecast::of(script))
        for (const RelationLock &lock : item.forecast.locks)
            if (lock.indexBuild == RelationLock::IndexBuild::Concurrent
                && !lock.relation.isEmpty()) {
                tables << lock.relation;
                names << lock.indexName;
            }
    QList<Left> left;
    if (tables.isEmpty())
        return left;
    const PgResult r
        = connection.exec(SqlResource::of("live", "invalid_indexes_built"),
                          {BoundStatement::textArray(tables), BoundStatement::textArray(names)});
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i)
        left << Left{r.value(i, "index_name"), r.value(i, "table_name")};
    return left;
}

QString ConcurrentIndexLeftovers::describe(const Left &left)
{
    return tr("the index %1 on %2 is invalid (a CREATE INDEX CONCURRENTLY that did not finish "
              "left it; queries do not use it): DROP INDEX CONCURRENTLY %1 removes it")
        .arg(VisibleText::escaped(left.index), VisibleText::escaped(left.table));
}

QStringList ConcurrentIndexLeftovers::ofFailedRuns(PgConnection &connection,
                                                   const QList<MigrationStatus> &statuses)
{
    QStringList lines;
    for (const MigrationStatus &s : statuses) {
        if (s.state != MigrationState::Failed || !s.migration || !s.entry)
            continue;
        // the ledger's progress action: "apply" (or none, before ledger format 3) or a rollback
        const bool rollback = !s.entry->progressAction.isEmpty()
            && s.entry->progressAction != QLatin1String("apply");
        const Result<QList<Left>> left
            = builtBy(connection, rollback ? s.migration->downSplit : s.migration->upSplit);
        if (!left) {
            lines << tr("%1: whether it left an invalid index could not be read: %2")
                         .arg(s.id(), left.error().toString());
            continue;
        }
        for (const Left &l : left.value())
            lines << QStringLiteral("%1: %2").arg(s.id(), describe(l));
    }
    return lines;
}

} // namespace uaip
