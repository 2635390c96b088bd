#include "preparedledgerwrite.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "ledger.h"
#include "util/textsearch.h"

#include <QRandomGenerator>

namespace uaip {

PreparedLedgerWrite::PreparedLedgerWrite(PgConnection &connection,
                                         const QList<MigrationStatus> &plan, bool up,
                                         bool oneTransaction)
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
    if (transactional < 2) // one round trip to prepare each: worth it from two uses on
        return;
    m_restore
        = prepare("restore", SqlResource::get(QStringLiteral("ledger/sql/session_restore.sql")));
    if (oneTransaction)
        return;
    m_name = prepare("ledger", up ? Ledger::recordAppliedSql() : Ledger::recordRolledBackSql());
    m_lockCheck = prepare("lock", Ledger::lockCheckSql());
}

QByteArray PreparedLedgerWrite::prepare(const char *what, const QByteArray &sql)
{
    const QByteArray name = QByteArray("uaip_migrate_") + what + '_'
        + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    return m_connection.prepare(name, sql).ok() ? name : QByteArray();
}

PreparedLedgerWrite::~PreparedLedgerWrite()
{
    if (!m_connection.isOpen())
        return;
    QList<QByteArray> commands; // one round trip
    for (const QByteArray &name : {m_name, m_lockCheck, m_restore})
        if (!name.isEmpty())
            commands << "DEALLOCATE " + name;
    if (!commands.isEmpty())
        m_connection.pipeline(commands, QList<QVariantList>(commands.size()));
}

} // namespace uaip
