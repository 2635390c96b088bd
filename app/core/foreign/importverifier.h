#pragma once

#include "error/result.h"
#include "ledger/migration.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace uaip {

class PgConnection;
class Sandbox;

// Proves a converted set (import-migrations --verify): applies every up.sql on a fresh
// database of the sandbox and compares its schema with the source database's (SchemaSnapshot,
// as verify does). Our ledger schema and the other tools' history tables on the source
// (ForeignHistoryTables) are left out: neither is built by the migrations.
class ImportVerifier
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportVerifier)

public:
    // The differences (empty: the same schema), or why they cannot be known.
    // table: a history table of a custom name (TypeORM's migrationsTableName, ...) to leave out.
    static Result<QList<SchemaSnapshot::Difference>> verify(Sandbox &sandbox,
                                                            const QList<Migration> &migrations,
                                                            PgConnection &source,
                                                            const QString &table);
};

} // namespace uaip
