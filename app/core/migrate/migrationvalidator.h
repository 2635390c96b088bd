#pragma once

#include "ledger/migration.h"
#include "ledger/migrationstatus.h"
#include "lint/validationproblem.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

// 'validate': offline syntax check of every up.sql/down.sql (PostgreSQL's own parser via
// libpg_query, no server needed) and, given the ledger, checksums of applied migrations.
class MigrationValidator
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationValidator)

public:
    static QList<ValidationProblem> checkSyntax(const QList<Migration> &migrations);
    static QList<ValidationProblem> checkLedger(const QList<MigrationStatus> &statuses);
};

} // namespace uaip
