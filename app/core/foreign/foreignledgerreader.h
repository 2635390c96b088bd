#pragma once

#include "foreignledger.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

class PgConnection;
class PgResult;

// Finds other tools' history tables in the schemas of the search path and reads them, in one
// read-only transaction (one snapshot; nothing is ever written). A table counts as a tool's
// when its name is the tool's default (an older version's default: Flyway's schema_version; or
// the one given) and its columns are exactly the ones the tool creates, names and types in order
// (an older version's: Flyway 3's), or, under any name, when its columns are exactly Flyway's
// (its table configured under another name): dbmate's and golang-migrate's schema_migrations
// are told apart by their columns, and a table of the same name that is not a tool's is left
// alone. Each with its owner, and why its history is not this role's to believe when it is not
// (ForeignLedger::distrust). Reading runs none of another role's code: row-level security is
// off in the transaction (a table whose policies would apply to this role is an error).
class ForeignLedgerReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignLedgerReader)

public:
    explicit ForeignLedgerReader(PgConnection &connection);

    // Every tool's ledger found (toolId empty), or only that tool's; table: a custom table name
    // (TypeORM's migrationsTableName, Flyway's table, dbmate's --migrations-table, ...) looked
    // for besides the default names.
    Result<QList<ForeignLedger>> read(const QString &toolId = {}, const QString &table = {});
    // The tables only, from the catalog, without their rows (entries empty): what a schema
    // comparison leaves out needs none, and a table this role may not read, or whose policies
    // would apply, is no error then.
    Result<QList<ForeignLedger>> find(const QString &table = {});

private:
    // The tool's column lists: its own, then its older versions' (ForeignTool::legacyColumns).
    static QList<QStringList> shapesOf(const ForeignTool &tool);
    // How many of columns are the tool's, the table (tableName) being the tool's history: by its
    // name (the default, a legacy one or table, the one given) the tool's columns first, or
    // (ForeignTool::foundByShape, no table given) exactly its columns; -1 when it is not.
    static qsizetype shapeLength(const ForeignTool &tool, const QString &tableName,
                                 const QString &table, const QStringList &columns);
    // ForeignLedger::distrust from row of foreign_tables.sql (its untrusted relation and owner).
    QString distrust(const ForeignLedger &ledger, const PgResult &found, int row) const;
    Status readEntries(ForeignLedger &ledger);
    enum class Rows { Read, Skip };
    Result<QList<ForeignLedger>> readTables(const QString &toolId, const QString &table, Rows rows);

    PgConnection &m_connection;
};

} // namespace uaip
