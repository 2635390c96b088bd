#include "concurrentindexleftovers.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

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

} // namespace uaip
