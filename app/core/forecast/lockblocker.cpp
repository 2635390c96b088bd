#include "lockblocker.h"

#include "db/pgresult.h"

namespace uaip {

QString LockBlocker::describe() const
{
    QStringList about;
    if (!application.isEmpty())
        about << application;
    if (hidden)
        //: %1: the role whose session it is
        about << tr("its state and query hidden: this role is not %1 and lacks pg_read_all_stats")
                     .arg(user.isEmpty() ? tr("its role") : user);
    if (!state.isEmpty())
        about << state;
    if (transactionMs >= 0 && pid != 0)
        about
            << tr("transaction %1 s").arg(QString::number(double(transactionMs) / 1000.0, 'f', 1));
    if (about.isEmpty() && pid != 0)
        about << tr("details not visible to this role");
    const QString who = pid != 0 ? tr("pid %1 (%2)").arg(pid).arg(about.join(QStringLiteral(", ")))
        : gid.isEmpty()          ? tr("a prepared transaction")
                                 : preparedLine();
    return waiting ? tr("%1 waits for %2 on %3 ahead of it").arg(who, mode, relation)
                   : tr("%1 holds %2 on %3").arg(who, mode, relation);
}

QString LockBlocker::preparedLine() const
{
    //: a prepared transaction (PREPARE TRANSACTION) that holds a lock: %1 its gid, %2 its owner,
    //: %3 its database, %4 when it was prepared (UTC), %5 seconds since
    return tr("prepared transaction '%1' (owner %2, database %3, prepared %4, %5 s ago; no "
              "session: COMMIT PREPARED '%1' or ROLLBACK PREPARED '%1' ends it)")
        .arg(gid, user, database, preparedAt,
             QString::number(double(qMax<qint64>(0, transactionMs)) / 1000.0, 'f', 1));
}

LockBlocker LockBlocker::session(const PgResult &r, int i)
{
    LockBlocker b;
    b.pid = r.value(i, "pid").toInt();
    b.user = r.value(i, "usename");
    b.application = r.value(i, "application_name");
    b.state = r.value(i, "state");
    b.transactionMs = r.value(i, "xact_ms").toLongLong();
    b.queryStart = r.value(i, "query_start");
    b.hidden = r.value(i, "hidden") == QLatin1String("t");
    b.gid = r.value(i, "gid");
    b.database = r.value(i, "prepared_database");
    b.preparedAt = r.value(i, "prepared_at");
    return b;
}

} // namespace uaip
