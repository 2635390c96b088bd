#include "foreignhistorytables.h"

#include "foreignledgerreader.h"
#include "util/visibletext.h"

namespace uaip {

Result<ForeignHistoryTables> ForeignHistoryTables::read(PgConnection &connection,
                                                        const QString &table)
{
    auto ledgers = ForeignLedgerReader(connection).read({}, table);
    if (!ledgers)
        return ledgers.error();
    ForeignHistoryTables out;
    out.m_ledgers = ledgers.take();
    return out;
}

Result<SchemaSnapshot> ForeignHistoryTables::snapshot(PgConnection &connection) const
{
    return SchemaSnapshot::take(connection, oids());
}

QList<quint32> ForeignHistoryTables::oids() const
{
    QList<quint32> out;
    for (const ForeignLedger &l : m_ledgers)
        out << l.tableOid;
    return out;
}

QStringList ForeignHistoryTables::notes() const
{
    QStringList out;
    for (const ForeignLedger &l : m_ledgers)
        //: %1 schema.table, %2 the tool (golang-migrate, Flyway, ...)
        out << tr("%1 is %2's history table: left out of the comparison")
                   .arg(VisibleText::escaped(l.qualifiedName()), l.tool.displayName);
    return out;
}

} // namespace uaip
