#pragma once

#include "migrationstatus.h"

#include <QByteArray>
#include <QList>

namespace uaip {

class PgConnection;

// The statements a run sends for every migration, as prepared statements of random names:
// parsed and planned once, not for every migration. The ledger write (Ledger::recordAppliedSql()
// or recordRolledBackSql(); not for a run in one transaction, which writes once), the lock check
// (Ledger::lockCheckSql()) and the end of the session reset (session_restore.sql), whose rarely
// taken branches cost more to plan than to run. Deallocated when the run ends (the GUI reuses
// its connection). Not made (names empty) for fewer than two transactional migrations, or when
// a script in the plan could drop them (DEALLOCATE, DISCARD, PREPARE): the runner then sends
// the statements themselves.
class PreparedLedgerWrite
{
public:
    PreparedLedgerWrite(PgConnection &connection, const QList<MigrationStatus> &plan, bool up,
                        bool oneTransaction = false);
    ~PreparedLedgerWrite();
    PreparedLedgerWrite(const PreparedLedgerWrite &) = delete;
    PreparedLedgerWrite &operator=(const PreparedLedgerWrite &) = delete;

    QByteArray name() const { return m_name; }
    QByteArray lockCheckName() const { return m_lockCheck; }
    QByteArray restoreName() const { return m_restore; }

private:
    QByteArray prepare(const char *what, const QByteArray &sql);

    PgConnection &m_connection;
    QByteArray m_name;
    QByteArray m_lockCheck;
    QByteArray m_restore;
};

} // namespace uaip
