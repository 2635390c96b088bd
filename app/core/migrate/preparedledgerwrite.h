#pragma once

#include "migrationstatus.h"

#include <QByteArray>
#include <QList>

namespace uaip {

class PgConnection;

// The ledger write of a run (Ledger::recordAppliedSql() or recordRolledBackSql()) as a
// prepared statement of a random name: parsed and planned once, not for every migration.
// Deallocated when the run ends (the GUI reuses its connection). Not made (name() empty) for
// fewer than two transactional migrations, or when a script in the plan could drop it
// (DEALLOCATE, DISCARD): the runner then sends the statement itself.
class PreparedLedgerWrite
{
public:
    PreparedLedgerWrite(PgConnection &connection, const QList<MigrationStatus> &plan, bool up);
    ~PreparedLedgerWrite();
    PreparedLedgerWrite(const PreparedLedgerWrite &) = delete;
    PreparedLedgerWrite &operator=(const PreparedLedgerWrite &) = delete;

    QByteArray name() const { return m_name; }

private:
    PgConnection &m_connection;
    QByteArray m_name;
};

} // namespace uaip
