#pragma once

#include "ledger/migrationlock.h"
#include "ledger/migrationstatus.h"

#include <QList>

namespace uaip {

class MigrationRunSession;
class PgConnection;
struct RunResult;

// The footing of one write command of MigrationRunner (up, down, adopt, baseline, repair):
// the migration lock and the ledger read under it (MigrationRunSession::begin), held for the
// command's life. When the command ends the session's lock_timeout is put back (the GUI reuses
// its connection), then the lock is released.
class MigrationCommandScope
{
public:
    MigrationCommandScope(MigrationRunSession &session, PgConnection &connection);
    ~MigrationCommandScope();
    MigrationCommandScope(const MigrationCommandScope &) = delete;
    MigrationCommandScope &operator=(const MigrationCommandScope &) = delete;

    // MigrationRunSession::begin: the topology, the lock, the ledger. False: result filled,
    // nothing changed.
    bool begin(RunResult &result);
    // The migrations' states as begin() read them.
    const QList<MigrationStatus> &statuses() const { return m_statuses; }

private:
    MigrationRunSession &m_session;
    MigrationLock m_lock;
    QList<MigrationStatus> m_statuses;
};

} // namespace uaip
