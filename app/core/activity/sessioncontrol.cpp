#include "sessioncontrol.h"

#include "db/ownbackends.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

namespace {

bool isTrue(const PgResult &r, const char *column)
{
    return r.value(0, column) == QLatin1String("t");
}

} // namespace

SessionControl::SessionControl(PgConnection &connection)
    : m_connection(connection)
{ }

QString SessionControl::verb(SessionAction::Kind kind)
{
    return kind == SessionAction::Kind::Cancel ? tr("cancel") : tr("terminate");
}

Error SessionControl::refused(const QString &why) const
{
    return Error(ErrorCode::Refused, why); // refused here, nothing signalled (isRefusal)
}

Result<std::optional<ActivitySession>> SessionControl::target(int pid)
{
    const PgResult r = m_connection.exec(
        SqlResource::get(QStringLiteral("activity/sql/session_target.sql")), {pid});
    if (!r.ok()) {
        return Error(r.error()).in(
            tr("cannot read session %1 on %2").arg(pid).arg(m_connection.database()));
    }
    if (r.rows() == 0)
        return std::optional<ActivitySession>();
    ActivitySession s;
    s.pid = pid;
    s.database = r.value(0, "datname");
    s.user = r.value(0, "usename");
    s.application = r.value(0, "application_name");
    s.state = r.value(0, "state");
    s.backendStart = r.value(0, "backend_start");
    s.own = OwnBackends::contains(pid);
    return std::optional<ActivitySession>(s);
}

Result<SessionOutcome> SessionControl::run(const SessionAction &action)
{
    const QString what = verb(action.kind);
    const QString connected = m_connection.database();
    if (const Status refusal = refusalBeforeSending(action, what); !refusal)
        return refusal.error();
    const QByteArray sql = action.kind == SessionAction::Kind::Cancel
        ? SqlResource::of("activity", "cancel_backend")
        : SqlResource::of("activity", "terminate_backend");
    // One statement: the checks below are read from its row, the signal was sent only when all
    // of them held.
    const PgResult r
        = m_connection.exec(sql,
                            {action.pid, action.backendStart, action.allDatabases,
                             action.production ? QVariant(action.confirmation) : QVariant()});
    if (!r.ok()) {
        return Error(r.error()).in(
            tr("cannot %1 session %2 on %3").arg(what).arg(action.pid).arg(connected));
    }
    return outcomeOf(action, r, what, connected);
}

Status SessionControl::refusalBeforeSending(const SessionAction &action, const QString &what) const
{
    if (action.readOnlyProfile)
        return refused(
            tr("refused to %1 session %2: the profile is read-only").arg(what).arg(action.pid));
    if (action.pid <= 0)
        return refused(tr("refused to %1 session %2: not a process id").arg(what).arg(action.pid));
    if (action.pid == m_connection.backendPid() || OwnBackends::contains(action.pid))
        return refused(tr("refused to %1 session %2: it is one of this console's own sessions")
                           .arg(what)
                           .arg(action.pid));
    if (action.backendStart.isEmpty())
        return refused(tr("refused to %1 session %2: it is not known when the session started "
                          "(the role may not see it: pg_stat_activity shows it to the session's "
                          "own role, superusers and pg_read_all_stats), so it cannot be told "
                          "from a newer session with the same process id")
                           .arg(what)
                           .arg(action.pid));
    return {};
}

Result<SessionOutcome> SessionControl::outcomeOf(const SessionAction &action, const PgResult &r,
                                                 const QString &what,
                                                 const QString &connected) const
{
    SessionOutcome outcome;
    if (r.rows() == 0) {
        outcome.gone = true;
        outcome.message = tr("session %1 was already gone: the server has no client session with "
                             "this process id any more. Nothing was sent.")
                              .arg(action.pid);
        return outcome;
    }
    const QString database = r.value(0, "datname");
    outcome.database = database;
    if (isTrue(r, "start_hidden"))
        return refused(tr("refused to %1 session %2: the role may not see when it started "
                          "(pg_stat_activity shows it to the session's own role, superusers and "
                          "pg_read_all_stats), so it cannot be told from a newer session with "
                          "the same process id")
                           .arg(what)
                           .arg(action.pid));
    if (!isTrue(r, "same_session")) {
        outcome.gone = true;
        outcome.message = tr("session %1 was already gone: process id %1 now belongs to another "
                             "session (on %2, started %3; the one aimed at started %4). Nothing "
                             "was sent.")
                              .arg(action.pid)
                              .arg(database, r.value(0, "backend_start"), action.backendStart);
        return outcome;
    }
    if (const Status refusal = refusalInRow(action, r, what, database, connected); !refusal)
        return refusal.error();
    if (!isTrue(r, "signalled")) {
        outcome.gone = true;
        outcome.message = tr("session %1 was already gone: it ended before the signal reached "
                             "it.")
                              .arg(action.pid);
        return outcome;
    }
    outcome.signalled = true;
    outcome.message = action.kind == SessionAction::Kind::Cancel
        ? tr("the running statement of session %1 on %2 was cancelled")
              .arg(action.pid)
              .arg(database)
        : tr("session %1 on %2 was terminated").arg(action.pid).arg(database);
    return outcome;
}

Status SessionControl::refusalInRow(const SessionAction &action, const PgResult &r,
                                    const QString &what, const QString &database,
                                    const QString &connected) const
{
    if (!isTrue(r, "this_database") && !action.allDatabases)
        return refused(tr("refused to %1 session %2: it is a session of the database %3, not of "
                          "the connected database %4 (sessions of other databases only with "
                          "all databases chosen)")
                           .arg(what)
                           .arg(action.pid)
                           .arg(database, connected));
    if (isTrue(r, "read_only"))
        return refused(tr("refused to %1 session %2: this session is read-only at the server "
                          "(default_transaction_read_only)")
                           .arg(what)
                           .arg(action.pid));
    if (!isTrue(r, "confirmed"))
        return refused(tr("refused to %1 session %2 on the production database %3: the "
                          "database name was not typed")
                           .arg(what)
                           .arg(action.pid)
                           .arg(database));
    if (r.value(0, "signalled").isEmpty()) // null: not attempted
        return refused(tr("refused to %1 session %2: a check failed").arg(what).arg(action.pid));
    return {};
}

} // namespace uaip
