#include "preparedledgerwrite.h"

#include "db/pgconnection.h"
#include "ledger.h"
#include "util/textsearch.h"

#include <QRandomGenerator>

namespace uaip {

PreparedLedgerWrite::PreparedLedgerWrite(PgConnection &connection,
                                         const QList<MigrationStatus> &plan, bool up)
    : m_connection(connection)
{
    int transactional = 0;
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        const QByteArray &text = up ? m.upSql : m.downSql;
        // PREPARE: the session reset after that migration deallocates every statement
        if (TextSearch::containsIgnoringCase(text, "DEALLOCATE")
            || TextSearch::containsIgnoringCase(text, "DISCARD")
            || TextSearch::containsIgnoringCase(text, "PREPARE"))
            return;
        if (!(up ? m.upDirectives : m.downDirectives).noTransaction)
            ++transactional;
    }
    if (transactional < 2) // one round trip to prepare: worth it from two writes on
        return;
    const QByteArray name
        = "uaip_migrate_ledger_" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    if (m_connection.prepare(name, up ? Ledger::recordAppliedSql() : Ledger::recordRolledBackSql())
            .ok())
        m_name = name;
}

PreparedLedgerWrite::~PreparedLedgerWrite()
{
    if (!m_name.isEmpty() && m_connection.isOpen())
        m_connection.exec("DEALLOCATE " + m_name);
}

} // namespace uaip
