#pragma once

#include "ledger/runresult.h"
#include "ledger/scriptdirection.h"
#include "migrationstep.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

namespace uaip {

class LockRetry;
class PgConnection;
struct ScriptRunSettings;
struct StepFailure;

// A transactional step whose statement gave up on its table lock (55P03), for
// MigrationScriptRunner: the whole transaction rolled back (the platform's queries queued
// behind the lock request run), what a script PREPAREd deallocated, the attempt reported and
// paused (LockRetry); and once the budget is spent, the lock that was never obtained.
class StepLockRetry
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StepLockRetry)

public:
    StepLockRetry(PgConnection &connection, LockRetry &lockRetry, const ScriptRunSettings &settings,
                  const std::atomic_bool &cancelled)
        : m_connection(connection)
        , m_lockRetry(lockRetry)
        , m_settings(settings)
        , m_cancelled(cancelled)
    { }

    // The budget a run in one transaction shares (LockRetry's scope).
    static QString groupScope() { return QStringLiteral("single-transaction"); }

    // True when step goes again. Sets *rolledBack when it rolled the transaction back.
    // scope: what one budget covers (empty: the step's migration; groupScope(): a run in one
    // transaction, whose steps are allSteps — their PREPAREd statements go too).
    bool again(const StepFailure &failure, const MigrationStep &step, ScriptDirection direction,
               RunResult &result, bool *rolledBack, const QString &scope = QString(),
               const QList<MigrationStep> &allSteps = {});
    // After the loop: a lock that was still not obtained when the budget was spent (exit 4),
    // or a Cancel between two attempts.
    void gaveUp(const StepFailure &failure, const Migration &m, RunResult &result,
                const QString &scope = QString()) const;

private:
    static bool mentionsPrepare(const QList<MigrationStep> &steps, ScriptDirection direction);

    PgConnection &m_connection;
    LockRetry &m_lockRetry;
    const ScriptRunSettings &m_settings;
    const std::atomic_bool &m_cancelled;
};

} // namespace uaip
