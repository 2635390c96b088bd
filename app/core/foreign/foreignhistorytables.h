#pragma once

#include "error/result.h"
#include "foreignledger.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace uaip {

class PgConnection;

// Other tools' history tables in a database (ForeignLedgerReader: TypeORM's migrations,
// golang-migrate's schema_migrations, Flyway's flyway_schema_history or schema_version, ...),
// which no migration makes: every comparison of the database's schema with the migrations
// (verify, fleet drift, diff, import-migrations --verify) takes it without them, and says so.
class ForeignHistoryTables
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignHistoryTables)

public:
    // table: a custom name of a tool's table (--table), looked for besides the defaults.
    static Result<ForeignHistoryTables> read(PgConnection &connection, const QString &table = {});

    // The database's schema without these tables, everything of theirs and the sequences they
    // own.
    Result<SchemaSnapshot> snapshot(PgConnection &connection) const;
    const QList<ForeignLedger> &ledgers() const { return m_ledgers; }
    QList<quint32> oids() const;
    // One line per table: "public.schema_migrations is golang-migrate's history table: left out
    // of the comparison".
    QStringList notes() const;

private:
    QList<ForeignLedger> m_ledgers;
};

} // namespace uaip
