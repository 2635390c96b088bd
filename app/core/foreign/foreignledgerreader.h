#pragma once

#include "foreignledger.h"

#include "db/dbresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

class PgConnection;

// Finds other tools' history tables in the schemas of the search path and reads them, in one
// read-only transaction (one snapshot; nothing is ever written). A table counts as a tool's
// when its name is the tool's default (or the one given) and its columns are exactly the ones
// the tool creates, names and types in order: dbmate's and golang-migrate's schema_migrations
// are told apart by their columns, and a table of the same name that is not a tool's is left
// alone.
class ForeignLedgerReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignLedgerReader)

public:
    explicit ForeignLedgerReader(PgConnection &connection);

    // Every tool's ledger found (toolId empty), or only that tool's; table: a custom table name
    // (TypeORM's migrationsTableName, Flyway's table, dbmate's --migrations-table, ...) looked
    // for besides the default names.
    DbResult<QList<ForeignLedger>> read(const QString &toolId = {}, const QString &table = {});

private:
    DbStatus readEntries(ForeignLedger &ledger);

    PgConnection &m_connection;
};

} // namespace uaip
