#include "steplockretry.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "live/lockretry.h"
#include "scriptrunsettings.h"
#include "stepfailure.h"
#include "util/textsearch.h"

#include <algorithm>

namespace uaip {

bool StepLockRetry::mentionsPrepare(const QList<MigrationStep> &steps, ScriptDirection direction)
{
    return std::any_of(steps.cbegin(), steps.cend(), [direction](const MigrationStep &s) {
        return TextSearch::containsIgnoringCase(
            direction == ScriptDirection::Up ? s.migration->upSql : s.migration->downSql,
            "PREPARE");
    });
}

bool StepLockRetry::again(const StepFailure &failure, const MigrationStep &step,
                          ScriptDirection direction, RunResult &result, bool *rolledBack,
                          const QString &scope, const QList<MigrationStep> &allSteps)
{
    if (failure.where != StepFailure::Where::Statement || !LockRetry::isLockTimeout(failure.error)
        || !m_connection.isOpen() || m_cancelled.load())
        return false;
    // the whole transaction goes: the platform's queries queued behind its lock request run
    m_connection.exec(Transaction::rollbackCommand());
    *rolledBack = true;
    const Migration &m = *step.migration;
    const bool up = direction == ScriptDirection::Up;
    // what a script PREPAREd stays in the session through the ROLLBACK: gone before it goes
    // again (a plan with such a script prepares none of the runner's statements); in one
    // transaction every script of the run has run up to here
    if (mentionsPrepare(scope == groupScope() ? allSteps : QList<MigrationStep>{step}, direction))
        m_connection.exec(SqlResource::of("migrate", "session_deallocate"));
    const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
    const bool again = m_lockRetry.again(
        m, direction, statements[failure.statement],
        m_settings.budgetOf((up ? m.upDirectives : m.downDirectives).lockTimeoutMs), scope);
    result.lockAttempts << m_lockRetry.attempts().last();
    return again;
}

void StepLockRetry::gaveUp(const StepFailure &failure, const Migration &m, RunResult &result,
                           const QString &scope) const
{
    if (failure.where != StepFailure::Where::Statement || !LockRetry::isLockTimeout(failure.error))
        return;
    if (m_cancelled.load()) {
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message += u'\n' + tr("cancelled between two attempts at its lock");
        return;
    }
    m_lockRetry.gaveUp(m.id(), result, scope);
}

} // namespace uaip
