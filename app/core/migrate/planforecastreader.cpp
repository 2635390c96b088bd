#include "planforecastreader.h"

#include "lockblockers.h"
#include "migrationlockforecast.h"
#include "relationsizes.h"

namespace uaip {

namespace {

// One forecast of every relation the plan locks, each in the strongest mode the plan takes it:
// what LockBlockers looks for.
LockForecast strongestLocks(const PlanForecast &forecast)
{
    LockForecast all;
    for (const PlanForecast::Script &script : forecast.scripts)
        for (const StatementForecast &item : script.statements)
            for (const RelationLock &lock : item.forecast.locks)
                if (!lock.relation.isEmpty())
                    all.add(RelationLock::on(lock.relation, lock.mode));
    return all;
}

} // namespace

PlanForecast PlanForecastReader::read(PgConnection &connection, const QList<MigrationStatus> &plan,
                                      bool up, bool withHolders)
{
    PlanForecast out;
    for (const MigrationStatus &s : plan) {
        if (!s.migration)
            continue;
        const Migration &m = *s.migration;
        out.scripts << PlanForecast::Script{
            m.id(), up ? m.upPath() : m.downPath(),
            (up ? m.upDirectives : m.downDirectives).allowBlocking.has_value(),
            MigrationLockForecast::of(up ? m.upSql : m.downSql)};
    }
    const QStringList names = out.relationNames();
    if (names.isEmpty())
        return out;
    const DbResult<QList<RelationSize>> sizes = RelationSizes::read(connection, names);
    if (!sizes) {
        out.error = sizes.error();
        return out;
    }
    // an index's lock falls on its table: the holders are read by the table's name
    QHash<QString, QStringList> namesOfTable;
    for (const RelationSize &size : sizes.value()) {
        out.sizes.insert(size.name, size);
        namesOfTable[size.table] << size.name;
    }
    if (!withHolders)
        return out;
    const DbResult<QList<LockBlocker>> holders
        = LockBlockers::read(connection, strongestLocks(out));
    if (!holders) {
        out.error = holders.error();
        return out;
    }
    for (const LockBlocker &b : holders.value())
        for (const QString &name : namesOfTable.value(b.relation))
            out.heldBy[name] << b;
    return out;
}

} // namespace uaip
