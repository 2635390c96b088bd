#pragma once

#include "error/result.h"
#include "foreignledger.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace uaip {

class PgConnection;

// Other tools' history tables in a database (ForeignLedgerReader::find, from the catalog:
// TypeORM's migrations, golang-migrate's schema_migrations, Flyway's flyway_schema_history or
// schema_version, ...), which no migration makes: every comparison of the database's schema
// with the migrations (verify, fleet drift, diff, import-migrations --verify) takes it without
// what such a tool creates there (SchemaSnapshot::take: the table, its columns, primary key,
// indexes, owner and sequences), and says so. What anyone added to it (a grant, a trigger, a
// policy, row-level security) is compared. Not left out: a table another role could have
// written (not the connected role's to believe, as adopt judges it), and one the migrations
// make themselves (the project's own table of a tool's shape); each said too.
class ForeignHistoryTables
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignHistoryTables)

public:
    // table: a custom name of a tool's table (--table), looked for besides the defaults.
    static Result<ForeignHistoryTables> read(PgConnection &connection, const QString &table = {});

    // The database's schema without the parts of the tables left out; expected: the schema the
    // migrations make (a table in it is the project's, compared; null: not known yet). Sets
    // notes().
    Result<SchemaSnapshot> snapshot(PgConnection &connection,
                                    const SchemaSnapshot *expected = nullptr);
    // The tables left out when no expected schema is given: the trusted ones.
    QList<ForeignLedger> trusted() const;
    // One line per table found, after snapshot(): "public.schema_migrations is golang-migrate's
    // history table: left out of the comparison", or why it is compared.
    const QStringList &notes() const { return m_notes; }

private:
    QList<ForeignLedger> m_ledgers;
    QStringList m_notes;
};

} // namespace uaip
