#include "lockblocker.h"

#include "db/pgresult.h"

namespace uaip {

QString LockBlocker::describe() const
{
    QStringList about;
    if (!application.isEmpty())
        about << application;
    if (!state.isEmpty())
        about << state;
    if (transactionMs >= 0)
        about
            << tr("transaction %1 s").arg(QString::number(double(transactionMs) / 1000.0, 'f', 1));
    if (about.isEmpty() && pid != 0)
        about << tr("details not visible to this role");
    const QString who = pid != 0 ? tr("pid %1 (%2)").arg(pid).arg(about.join(QStringLiteral(", ")))
        : gid.isEmpty()          ? tr("a prepared transaction")
                                 : tr("prepared transaction '%1'").arg(gid);
    return waiting ? tr("%1 waits for %2 on %3 ahead of it").arg(who, mode, relation)
                   : tr("%1 holds %2 on %3").arg(who, mode, relation);
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
    return b;
}

} // namespace uaip
