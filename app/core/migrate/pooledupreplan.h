#pragma once

#include "ledger/migration.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "migrationrunoptions.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace uaip {

class MigrationRunSession;
class PgConnection;

// MigrationRunner::up behind a connection pooler (ServerTopology::pooled): there is no
// session-level lock, so every write transaction takes the lock itself and finds the ledger as
// the run planned it, or the run stops and plans again here. Another run may have done steps
// of the plan first; going on is refused when it rolled back a step of this run (the two would
// interleave), left migrations that need attention, or made the plan one a human did not
// confirm; steps the first plan check did not see are checked before any of them runs.
class PooledUpReplan
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PooledUpReplan)

public:
    PooledUpReplan(PgConnection &connection, const QList<Migration> &migrations,
                   const MigrationRunOptions &options, MigrationRunSession &session);

    // After the run stopped because another run did a step of its plan first: the ledger read
    // again (the session's ledger rows with it) and what is left to do up to 'to' in *plan;
    // false (result filled) when that is refused.
    bool replan(RunResult &result, const std::optional<MigrationVersion> &to,
                QList<MigrationStatus> *plan);

private:
    PgConnection &m_connection;
    const QList<Migration> &m_migrations;
    const MigrationRunOptions &m_options;
    MigrationRunSession &m_session;
};

} // namespace uaip
