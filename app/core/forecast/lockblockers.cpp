#include "lockblockers.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QDeadlineTimer>

namespace uaip {

namespace {

// "ACCESS EXCLUSIVE" as pg_locks spells it: "AccessExclusiveLock".
QString pgLocksName(LockMode mode)
{
    QString name;
    for (const QString &word : lockModeName(mode).split(u' ')) {
        name += word.left(1);
        name += word.mid(1).toLower();
    }
    return name + QStringLiteral("Lock");
}

} // namespace

QStringList LockBlockers::conflictingModeNames(LockMode mode)
{
    QStringList names;
    for (int m = int(LockMode::AccessShare); m <= int(LockMode::AccessExclusive); ++m) {
        if (lockModesConflict(mode, LockMode(m)))
            names << pgLocksName(LockMode(m));
    }
    return names;
}

Result<QList<LockBlocker>> LockBlockers::read(PgConnection &connection,
                                              const LockForecast &forecast)
{
    QStringList names;
    QStringList conflicts;
    for (const RelationLock &lock : forecast.locks) {
        if (lock.relation.isEmpty())
            continue;
        names << lock.relation;
        conflicts << conflictingModeNames(lock.mode).join(u',');
    }
    QList<LockBlocker> blockers;
    if (names.isEmpty())
        return blockers;
    connection.setStatementDeadline(QDeadlineTimer(kDeadlineMs));
    const PgResult r
        = connection.exec(SqlResource::of("forecast", "lock_blockers"),
                          {BoundStatement::textArray(names), BoundStatement::textArray(conflicts)});
    connection.setStatementDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
    if (!r.ok())
        return Error(r.error());
    for (int i = 0; i < r.rows(); ++i) {
        LockBlocker b = LockBlocker::session(r, i);
        b.relation = r.value(i, "relation");
        b.mode = r.value(i, "mode");
        b.waiting = r.value(i, "waiting") == QLatin1String("t");
        b.gid = r.value(i, "gid");
        blockers << b;
    }
    return blockers;
}

} // namespace uaip
