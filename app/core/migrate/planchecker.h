#pragma once

#include "ledger/migration.h"
#include "ledger/migrationstatus.h"
#include "lint/validationproblem.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

// The whole-plan check that runs before the first step of up, down, their dry runs and verify:
// every script the plan would run is read again from disk (and must still match what was
// loaded), then split, parsed and checked by ScriptChecker. Files are checked in parallel; the
// problems come back in plan order. Scripts outside the plan are not looked at.
class PlanChecker
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PlanChecker)

public:
    // oneTransaction (Options::singleTransaction): the plan runs as one transaction, so a
    // no-transaction script is refused, and so is the use of an enum value that an earlier
    // script of the plan adds (ScriptStatementRules::checkTogether).
    static QList<ValidationProblem> check(const QList<MigrationStatus> &plan, bool up,
                                          bool oneTransaction = false);
    // Both scripts of every migration (validate, verify).
    static QList<ValidationProblem> checkAll(const QList<Migration> &migrations);
};

} // namespace uaip
