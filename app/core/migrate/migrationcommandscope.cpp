#include "migrationcommandscope.h"

#include "migrationrunsession.h"

namespace uaip {

MigrationCommandScope::MigrationCommandScope(MigrationRunSession &session, PgConnection &connection)
    : m_session(session)
    , m_lock(connection)
{ }

MigrationCommandScope::~MigrationCommandScope()
{
    m_session.resetLockTimeout();
}

bool MigrationCommandScope::begin(RunResult &result)
{
    return m_session.begin(result, m_lock, &m_statuses);
}

} // namespace uaip
