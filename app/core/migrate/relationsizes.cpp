#include "relationsizes.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "metrics/metricsstatement.h"

#include <QDeadlineTimer>

namespace uaip {

DbResult<QList<RelationSize>> RelationSizes::read(PgConnection &connection,
                                                  const QStringList &names)
{
    QStringList asked;
    for (const QString &name : names) {
        if (!name.isEmpty() && !asked.contains(name))
            asked.append(name);
    }
    QList<RelationSize> sizes;
    if (asked.isEmpty())
        return sizes;
    // Sizing opens each relation (ACCESS SHARE): behind a held or queued ACCESS EXCLUSIVE it
    // would wait as long; the read is cancelled after kDeadlineMs instead (57014).
    connection.setStatementDeadline(QDeadlineTimer(kDeadlineMs));
    const PgResult r = connection.exec(SqlResource::of("migrate", "relation_sizes"),
                                       {MetricsStatement::textArray(asked)});
    connection.setStatementDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
    if (!r.ok())
        return r.error();
    sizes.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i) {
        RelationSize size;
        size.name = r.value(i, "name");
        size.resolved = r.value(i, "resolved");
        size.table = r.value(i, "table_name");
        size.rows = r.value(i, "row_estimate").toLongLong();
        size.rowsUnknown = r.value(i, "rows_unknown") == QLatin1String("t");
        size.totalBytes = r.value(i, "total_bytes").toLongLong();
        sizes.append(size);
    }
    return sizes;
}

} // namespace uaip
