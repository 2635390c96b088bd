#pragma once

#include "error/pgerror.h"

#include <QtGlobal>

namespace uaip {

// Where a step of a run failed, as StepOutcomeReader read it from the answers; the runner
// turns it into its RunResult.
struct StepFailure
{
    enum class Where {
        Begin, // BEGIN, or what the runner sent before the script (its lock_timeout)
        LockTimeout, // behind a pooler: the migration lock not obtained in time (55P03)
        Lock, // behind a pooler: taking the lock failed otherwise (a Cancel, an error)
        PlanChanged, // behind a pooler: another run did one of these steps meanwhile
        Statement, // a statement of the script; statement says which
        DeferredConstraint, // a run in one transaction: the script's deferred checks
        Reset, // the session reset after the script
        Ledger, // the ledger write or the lock check before it
        Commit, // the COMMIT failed (deferred constraints fire there)
        CommitRolledBack, // the COMMIT was answered ROLLBACK
    };
    int step = 0;
    Where where = Where::Begin;
    qsizetype statement = -1; // Where::Statement: its index among the script's statements
    PgError error; // empty when no answer came

    // Nothing of the step ran: the lock or the step check stopped it before its script.
    bool beforeScript() const
    {
        return where == Where::LockTimeout || where == Where::Lock || where == Where::PlanChanged;
    }
};

} // namespace uaip
