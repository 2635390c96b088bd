#include "foreignhistorytables.h"

#include "db/pgconnection.h"
#include "foreignledgerreader.h"
#include "util/visibletext.h"

namespace uaip {

Result<ForeignHistoryTables> ForeignHistoryTables::read(PgConnection &connection,
                                                        const QString &table)
{
    auto ledgers = ForeignLedgerReader(connection).find(table);
    if (!ledgers)
        return ledgers.error();
    ForeignHistoryTables out;
    out.m_ledgers = ledgers.take();
    return out;
}

QList<ForeignLedger> ForeignHistoryTables::trusted() const
{
    QList<ForeignLedger> out;
    for (const ForeignLedger &l : m_ledgers)
        if (l.trusted())
            out << l;
    return out;
}

Result<SchemaSnapshot> ForeignHistoryTables::snapshot(PgConnection &connection,
                                                      const SchemaSnapshot *expected)
{
    m_notes.clear();
    QList<quint32> oids;
    for (const ForeignLedger &l : m_ledgers) {
        const QString table = VisibleText::escaped(l.qualifiedName());
        if (!l.trusted()) {
            //: %1 schema.table, %2 the tool, %3 why it is not believed (names its owner)
            m_notes << tr("%1 has %2's columns but is compared as any table: %3")
                           .arg(table, l.tool.displayName, l.distrust);
            continue;
        }
        // the snapshot's key of the table, quoted as the catalog query quotes (%I)
        const QString key = connection.scalar("SELECT format('table %I.%I', $1::text, $2::text)",
                                              {l.schema, l.table});
        if (expected && expected->contains(key)) {
            //: %1 schema.table, %2 the tool
            m_notes << tr("%1 has %2's columns, but the migrations make it: compared as any "
                          "table")
                           .arg(table, l.tool.displayName);
            continue;
        }
        oids << l.tableOid;
        //: %1 schema.table, %2 the tool (golang-migrate, Flyway, ...)
        m_notes << tr("%1 is %2's history table: left out of the comparison")
                       .arg(table, l.tool.displayName);
    }
    return SchemaSnapshot::take(connection, oids);
}

} // namespace uaip
