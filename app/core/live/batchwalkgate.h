#pragma once

#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "lint/validationproblem.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

class PgConnection;

// The walks of a plan's uaip:batch statements, checked before the plan's first statement (issue
// 59): a batched statement whose table has no primary key, or an UPDATE that sets a column of
// it, is refused by BackfillRunner::readWalk when its turn comes, after the migrations before it
// ran and with its own ledger row left needing attention. Here the same readWalk is asked of
// every such statement on the live table before anything runs, so the run refuses at once
// (exit 2, nothing run, nothing left needing attention) and the dry run says the same. A table
// not there yet, or one an earlier statement of the plan takes ACCESS EXCLUSIVE on (it may get
// its key there), is left to the run's own check.
class BatchWalkGate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::BatchWalkGate)

public:
    // The statements refused, each with file:line:col; a failed read is returned as an error.
    static Result<QList<ValidationProblem>> judge(PgConnection &connection,
                                                  const QList<MigrationStatus> &plan, bool up);
    // result filled when any is refused or the walks cannot be read: exit 2, nothing run.
    static bool refuse(RunResult &result, PgConnection &connection,
                       const QList<MigrationStatus> &plan, bool up);
};

} // namespace uaip
