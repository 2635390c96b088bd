#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/migrationlock.h"
#include "lostcommitsettler.h"
#include "notransactionscriptrunner.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"
#include "steplockretry.h"
#include "stepoutcomereader.h"

#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

MigrationScriptRunner::MigrationScriptRunner(PgConnection &connection, int lockAttemptMs,
                                             int lockBudgetMs, const std::atomic_bool &cancelled,
                                             std::function<void(const QString &)> notice)
    : m_connection(connection)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
    , m_lockRetry(connection, cancelled, m_notice)
    , m_stepRetry(connection, m_lockRetry, m_settings, cancelled)
{
    m_settings.lockBudgetMs = qMax(1, lockBudgetMs);
    m_settings.lockTimeoutMs = qBound(1, lockAttemptMs, m_settings.lockBudgetMs);
    m_lockRetry.setLimits(m_settings.lockTimeoutMs, m_settings.lockBudgetMs);
}

bool MigrationScriptRunner::run(const Migration &m, const QString &ledgerVersion,
                                Direction direction, Ledger &ledger, RunResult &result,
                                int *durationMs, std::optional<int> resumeAt)
{
    const bool up = direction == Direction::Up;
    QElapsedTimer timer;
    timer.start();
    const SqlSplitResult &split = up ? m.upSplit : m.downSplit;
    if (!split.ok()) {
        result.outcome = RunResult::Outcome::BadInput;
        const QString file = up ? m.upPath() : m.downPath();
        const TextPosition &at = split.error->position;
        const MigrationFailure f{m.version.text(),
                                 m.name,
                                 file,
                                 at,
                                 QString(),
                                 Error(ErrorCode::BadInput,
                                       tr("syntax error: %1").arg(split.error->message),
                                       {{QStringLiteral("path"), file},
                                        {QStringLiteral("line"), at.line},
                                        {QStringLiteral("column"), at.column}})};
        result.failure = f;
        result.message = tr("%1 was not run: %2").arg(m.id(), f.describe());
        return false;
    }
    const Step step{&m, ledgerVersion};
    if ((up ? m.upDirectives : m.downDirectives).noTransaction)
        return NoTransactionScriptRunner(m_connection, m_settings, m_lockRetry, m_cancelled,
                                         m_notice, m_onBackfill)
            .run(step, direction, resumeAt, ledger, result, durationMs);
    QList<int> durations;
    const bool ok = runTransactional({step}, direction, ledger, result, &durations) == 1;
    *durationMs = int(timer.elapsed());
    return ok;
}

int MigrationScriptRunner::runTransactional(const QList<Step> &steps, Direction direction,
                                            Ledger &ledger, RunResult &result,
                                            QList<int> *durationsMs,
                                            const std::function<void(int, int)> &onCommitted)
{
    // Round trips are the cost: every migration here goes out in one libpq pipeline, each as
    // its own transaction. After the first error the server skips everything up to the
    // pipeline's end, so a migration never commits unless every one before it did; a failure
    // or a Cancel (PQcancel) leaves the database as before the migration it hit. A Cancel that
    // finds nothing running stops the run before the next pipeline. An event trigger found
    // after a script taken for harmless, or the runner's prepared statements deallocated by a
    // script, roll the failing step back: the steps from there go again, changed.
    m_planChanged = false;
    if (cancelledBefore(*steps.first().migration, result))
        return 0;
    // A failure event's duration: the failing step's, from the commit before it (or the run's
    // start), so all its attempts and the pauses between them count (a lock budget of 5 s spent
    // is 5 s, not the last 200 ms attempt).
    QElapsedTimer timer;
    timer.start();
    int committed = 0;
    StepsOutcome outcome;
    bool rolledBack = false; // by m_stepRetry.again
    for (;;) {
        // the first step's event says how its lock attempts went, if it had to try again
        m_settings.lockDetailVersion = steps[committed].version();
        m_settings.lockDetail = m_lockRetry.detail(steps[committed].migration->id());
        outcome = sendTransactions(steps.mid(committed), direction, ledger, [&](int k, int ms) {
            timer.start(); // the next step's time starts here
            if (onCommitted)
                onCommitted(committed + k, ms);
        });
        *durationsMs << outcome.durationsMs;
        // behind a pooler the next attempt's step check expects what these steps left
        m_settings.ledgerRows = ScriptPipelineBuilder::rowsAfter(
            m_settings.ledgerRows, steps.mid(committed, outcome.committed), direction);
        committed += outcome.committed;
        if (!outcome.failure)
            return committed;
        if (outcome.retry == StepsOutcome::Retry::No) {
            if (!m_stepRetry.again(*outcome.failure, steps[committed], direction, result,
                                   &rolledBack))
                break;
            rolledBack = false;
            continue;
        }
        if (!m_connection.isOpen())
            break;
        prepareRetry(outcome.retry);
        if (cancelledBefore(*steps[committed].migration, result))
            return committed;
    }
    const Migration &failed = *steps[committed].migration;
    describe(*outcome.failure, failed, direction, false, result);
    if (m_connection.isOpen() && !rolledBack)
        m_connection.exec(
            Transaction::rollbackCommand()); // ends the aborted transaction (a no-op after COMMIT)
    if (!m_connection.isOpen()) {
        committed = LostCommitSettler(m_connection, m_cancelled, m_notice)
                        .settle(steps, committed, direction, result, durationsMs);
        if (committed == steps.size())
            return committed;
    }
    describeLockHolder(result);
    m_stepRetry.gaveUp(*outcome.failure, failed, result);
    if (!outcome.failure->beforeScript()) // else nothing of the step ran: no failure to record
        ScriptFailureReport::recordEvent(
            ledger, m_connection, failed, direction, result, int(timer.elapsed()),
            ScriptPipelineBuilder::eventDetail(failed, direction, m_lockRetry.detail(failed.id())));
    return committed;
}

StepsOutcome
MigrationScriptRunner::sendTransactions(const QList<Step> &steps, Direction direction,
                                        Ledger &ledger,
                                        const std::function<void(int, int)> &onCommitted)
{
    PipelineCommands c;
    const QList<StepLayout> layouts
        = ScriptPipelineBuilder(m_settings, direction).appendSteps(c, steps, ledger);
    int live = 0; // the step whose results arrive now
    int liveMs = 0;
    const auto onResult = [&](qsizetype i, const PgResult &r) {
        if (live >= layouts.size())
            return;
        if (i == layouts[live].ledger && r.ok() && r.rows())
            liveMs = r.value(0, 0).toInt();
        if (i == layouts[live].commit) {
            if (Transaction::committed(r) && onCommitted)
                onCommitted(live, liveMs);
            ++live;
        }
    };
    const PipelineOutcome results = [&] {
        // who holds up its locks is seen while it waits (LockRetry's next attempt names them)
        const LockWaitWatch::Scope watching
            = m_lockRetry.waitWatch().watch(steps.first().migration->id());
        return c.run(m_connection, onResult);
    }();
    for (const QString &notice : m_connection.notices().take())
        m_notice(notice);
    QList<qsizetype> kept;
    for (const StepLayout &l : layouts)
        kept << l.ledger << l.commit;
    return StepOutcomeReader::readSteps(layouts, PipelineAnswers::of(results, kept),
                                        m_settings.anyPrepared());
}

void MigrationScriptRunner::prepareRetry(StepsOutcome::Retry retry)
{
    // Rolled back: an event trigger could have changed the session in a script the runner took
    // for harmless, or the script deallocated the runner's prepared statements. The steps from
    // there run again, with every reset and lock check, or unprepared.
    m_connection.exec(Transaction::rollbackCommand());
    if (retry == StepsOutcome::Retry::WithResets)
        m_settings.skipNeedlessResets = false;
    else
        m_settings.forgetPrepared();
}

bool MigrationScriptRunner::cancelledBefore(const Migration &m, RunResult &result) const
{
    if (!m_cancelled.load())
        return false;
    result.outcome = RunResult::Outcome::Failed;
    result.cancelled = true;
    result.message = tr("cancelled before %1; it was not started").arg(m.id());
    return true;
}

void MigrationScriptRunner::describe(const StepFailure &failure, const Migration &m,
                                     Direction direction, bool inGroup, RunResult &result)
{
    if (failure.beforeScript())
        describeLockFailure(failure, result);
    else
        ScriptFailureReport::stepFailed(failure, m, direction, inGroup, m_connection,
                                        m_cancelled.load(), result);
}

void MigrationScriptRunner::describeLockFailure(const StepFailure &failure, RunResult &result)
{
    result.failure.reset();
    switch (failure.where) {
    case StepFailure::Where::PlanChanged:
        m_planChanged = true;
        result.outcome = RunResult::Outcome::Ok;
        result.message.clear();
        return;
    case StepFailure::Where::LockTimeout: // who holds it: describeLockHolder, after the ROLLBACK
        result.outcome = RunResult::Outcome::LockTimeout;
        return;
    default:
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = failure.error.sqlState == QLatin1String("57014") && m_cancelled.load();
        result.message = result.cancelled
            ? tr("cancelled while waiting for the migration lock")
            : tr("cannot take the migration lock: %1").arg(failure.error.toString());
        return;
    }
}

void MigrationScriptRunner::describeLockHolder(RunResult &result) const
{
    if (result.outcome != RunResult::Outcome::LockTimeout)
        return;
    const LockHolder holder = MigrationLock::currentHolder(m_connection);
    result.lockHolder = holder;
    result.message = MigrationLock::timedOutMessage(m_settings.transactionLockWaitMs, holder);
}

bool MigrationScriptRunner::hasCopyData(const QList<SqlStatement> &statements)
{
    return std::any_of(statements.cbegin(), statements.cend(),
                       [](const SqlStatement &st) { return bool(st.copyData); });
}

} // namespace uaip
