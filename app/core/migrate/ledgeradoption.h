#pragma once

#include "adoptitem.h"
#include "ledger/migrationversion.h"
#include "ledger/runresult.h"
#include "migrationrunoptions.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class MigrationRunSession;
class PgConnection;

// Ledger rows for migrations that are not run here: another tool's history taken over
// (uaip-migrate adopt), or an existing database marked as applied up to a version (baseline).
// All rows and their events in one transaction under the lock.
class LedgerAdoption
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LedgerAdoption)

public:
    LedgerAdoption(PgConnection &connection, MigrationRunSession &session,
                   const MigrationRunOptions &options);

    // Each item's migration gets its ledger row and an 'adopt' event naming the foreign row.
    // Refuses, changing nothing, when an item names no migration of the source or one that is
    // not pending (any more).
    RunResult adopt(const QList<AdoptItem> &items);
    RunResult baseline(const MigrationVersion &version);

private:
    PgConnection &m_connection;
    MigrationRunSession &m_session;
    const MigrationRunOptions &m_options;
};

} // namespace uaip
