#include "guardsavepoint.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"

namespace uaip {

namespace {

constexpr auto kGuardSavepoint = "SAVEPOINT uaip_guard";
constexpr auto kGuardRollback = "ROLLBACK TO SAVEPOINT uaip_guard";
constexpr auto kGuardRelease = "RELEASE SAVEPOINT uaip_guard";
constexpr auto kXid = "SELECT pg_catalog.pg_current_xact_id_if_assigned()";

} // namespace

GuardSavepoint::GuardSavepoint(PgConnection &connection)
    : m_connection(connection)
{ }

bool GuardSavepoint::open(PgError *error)
{
    PgResult savepoint = m_connection.exec(kGuardSavepoint);
    if (!savepoint.ok()) {
        *error = savepoint.error();
        return false;
    }
    m_xidBefore = m_connection.scalar(kXid);
    return true;
}

bool GuardSavepoint::releaseUndoingWrites()
{
    if (m_xidBefore.isEmpty() && !m_connection.scalar(kXid).isEmpty()) {
        m_connection.exec(kGuardRollback);
        m_connection.exec(kGuardRelease);
        return true;
    }
    m_connection.exec(kGuardRelease);
    return false;
}

} // namespace uaip
