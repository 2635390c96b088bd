#include "sessioncontrol.h"

#include "db/ownbackends.h"
#include "db/pgconnection.h"
#include "util/sqlresource.h"

namespace uaip {

SessionControl::SessionControl(PgConnection &connection)
    : m_connection(connection)
{ }

QString SessionControl::verb(SessionAction::Kind kind)
{
    return kind == SessionAction::Kind::Cancel ? tr("cancel") : tr("terminate");
}

PgError SessionControl::refused(const QString &why) const
{
    PgError e;
    // no SQLSTATE: refused here, nothing sent (isRefusal)
    e.severity = QStringLiteral("ERROR");
    e.message = why;
    return e;
}

DbResult<bool> SessionControl::run(const SessionAction &action)
{
    const QString what = verb(action.kind);
    const QString database = m_connection.database();
    if (action.readOnlyProfile)
        return refused(
            tr("refused to %1 session %2: the profile is read-only").arg(what).arg(action.pid));
    if (action.pid <= 0)
        return refused(tr("refused to %1 session %2: not a process id").arg(what).arg(action.pid));
    if (action.pid == m_connection.backendPid() || OwnBackends::contains(action.pid))
        return refused(tr("refused to %1 session %2: it is one of this console's own sessions")
                           .arg(what)
                           .arg(action.pid));
    if (action.production && action.confirmation != database)
        return refused(tr("refused to %1 session %2 on the production database %3: the "
                          "database name was not typed")
                           .arg(what)
                           .arg(action.pid)
                           .arg(database));
    PgResult target = m_connection.exec(
        SqlResource::get(QStringLiteral("activity/sql/session_target.sql")), {action.pid});
    if (!target.ok()) {
        PgError e = target.error();
        e.message = tr("cannot %1 session %2 on %3: %4")
                        .arg(what)
                        .arg(action.pid)
                        .arg(database, e.message);
        return e;
    }
    if (target.rows() == 0)
        return refused(tr("cannot %1 session %2: the server %3 has no client session with this "
                          "process id (it may have ended)")
                           .arg(what)
                           .arg(action.pid)
                           .arg(m_connection.host()));
    if (target.value(0, "read_only") == QLatin1String("t"))
        return refused(tr("refused to %1 session %2: this session is read-only at the server "
                          "(default_transaction_read_only)")
                           .arg(what)
                           .arg(action.pid));
    const QString sql = action.kind == SessionAction::Kind::Cancel
        ? QStringLiteral("activity/sql/cancel_backend.sql")
        : QStringLiteral("activity/sql/terminate_backend.sql");
    PgResult r = m_connection.exec(SqlResource::get(sql), {action.pid});
    if (!r.ok()) {
        PgError e = r.error();
        e.message = tr("cannot %1 session %2 on %3: %4")
                        .arg(what)
                        .arg(action.pid)
                        .arg(database, e.message);
        return e;
    }
    return r.value(0, 0) == QLatin1String("t");
}

} // namespace uaip
