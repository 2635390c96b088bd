// MigrationScriptRunner's run in one transaction (Options::singleTransaction; the rest in
// migrationscriptrunner.cpp).
#include "migrationscriptrunner.h"

#include "steplockretry.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "lostcommitsettler.h"
#include "runnersignals.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"
#include "steplockretry.h"
#include "stepoutcomereader.h"

#include <QElapsedTimer>

namespace uaip {

bool MigrationScriptRunner::runGroup(const QList<Step> &steps, Direction direction, Ledger &ledger,
                                     RunResult &result, QList<int> *durationsMs, int *failedStep,
                                     const std::function<void(int)> &onStarted)
{
    // Two round trips for the whole run. The first pipeline: BEGIN, then every script and its
    // session reset. After the first error the server skips the rest and the transaction is
    // rolled back. The second: one ledger write for all steps (their durations known by then)
    // and the COMMIT. A script that deallocated the runner's prepared reset, or an event
    // trigger found after a script taken for harmless, send the whole run again, changed.
    m_planChanged = false;
    *failedStep = 0;
    if (cancelledBefore(*steps.first().migration, result))
        return false;
    QElapsedTimer timer;
    StepsOutcome outcome;
    bool rolledBack = false; // by m_stepRetry.again
    for (;;) {
        timer.start(); // a failure event's duration: the attempt that failed
        QList<int> durations;
        bool unreset = false;
        outcome = sendGroup(steps, direction, &durations, &unreset, onStarted);
        if (!outcome.failure && !m_cancelled.load())
            outcome = commitGroup(steps, direction, ledger, durations, unreset);
        if (outcome.committed == steps.size()) {
            *durationsMs << durations;
            return true;
        }
        if (outcome.retry == StepsOutcome::Retry::No) {
            // a lock not obtained in time: the whole run goes again
            if (!outcome.failure
                || !m_stepRetry.again(*outcome.failure, steps[outcome.failure->step], direction,
                                      result, &rolledBack, StepLockRetry::groupScope(), steps))
                break;
            rolledBack = false;
            continue;
        }
        if (!m_connection.isOpen())
            break;
        prepareRetry(outcome.retry);
        if (cancelledBefore(*steps.first().migration, result))
            return false;
    }
    const bool open = m_connection.isOpen();
    if (!outcome.failure) { // every script ran: the Cancel came too late
        *failedStep = int(steps.size()) - 1;
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message = tr("cancelled after %1; nothing was committed")
                             .arg(steps[*failedStep].migration->id());
        if (open)
            m_connection.exec(Transaction::rollbackCommand());
    } else {
        *failedStep = outcome.failure->step;
        const bool commitSent = outcome.failure->where == StepFailure::Where::Ledger
            || outcome.failure->where == StepFailure::Where::Commit
            || outcome.failure->where == StepFailure::Where::CommitRolledBack;
        if (!open && commitSent) {
            // the COMMIT may have reached the server: the ledger, read on a new session, knows
            result.outcome = RunResult::Outcome::Failed;
            if (LostCommitSettler(m_connection, m_cancelled, m_notice)
                    .settle(steps, 0, direction, result, durationsMs)
                == steps.size())
                return true;
        } else {
            describe(*outcome.failure, *steps[*failedStep].migration, direction, true, result);
            if (open && !rolledBack)
                m_connection.exec(Transaction::rollbackCommand());
            m_stepRetry.gaveUp(*outcome.failure, *steps[*failedStep].migration, result,
                               StepLockRetry::groupScope());
            if (outcome.failure->beforeScript()) { // nothing of the run ran, nothing to record
                describeLockHolder(result);
                return false;
            }
            if (!open) // nothing was committed: the COMMIT was never sent
                result.message += u'\n' + tr("the connection was lost before the COMMIT was sent");
        }
    }
    reportGroupFailure(steps, direction, ledger, result, *failedStep, int(timer.elapsed()));
    return false;
}

void MigrationScriptRunner::reportGroupFailure(const QList<Step> &steps, Direction direction,
                                               Ledger &ledger, RunResult &result, int failedStep,
                                               int durationMs)
{
    const bool up = direction == Direction::Up;
    if (!result.outcomeUnknown) // (the server went away, and no ledger said what committed)
        result.message += u'\n'
            + (up ? tr("All %n migration(s) of this run were rolled back with it "
                       "(--single-transaction): none was applied.",
                       nullptr, int(steps.size()))
                  : tr("All %n migration(s) of this run were kept (--single-transaction): none was "
                       "rolled back.",
                       nullptr, int(steps.size())));
    const Migration &failed = *steps[failedStep].migration;
    ScriptFailureReport::recordEvent(
        ledger, m_connection, failed, direction, result, durationMs,
        ScriptPipelineBuilder::eventDetail(failed, direction, m_lockRetry.detail(failed.id())));
}

StepsOutcome MigrationScriptRunner::sendGroup(const QList<Step> &steps, Direction direction,
                                              QList<int> *durationsMs, bool *unreset,
                                              const std::function<void(int)> &onStarted)
{
    PipelineCommands c;
    const GroupLayout layout = ScriptPipelineBuilder(m_settings, direction).appendGroup(c, steps);
    *unreset = layout.anyUnreset;
    QElapsedTimer timer;
    timer.start();
    qint64 from = 0; // when the answer to the step's first command could come: BEGIN's
    const auto onResult = [&](qsizetype i, const PgResult &r) {
        if (i == 0)
            from = timer.elapsed();
        const qsizetype ended = durationsMs->size(); // steps whose last answer came
        if (ended < steps.size() && i == layout.lastCommand[ended] && r.ok()) {
            const qint64 now = timer.elapsed();
            *durationsMs << int(now - from);
            from = now;
            if (onStarted && ended + 1 < steps.size())
                onStarted(int(ended + 1));
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
    while (durationsMs->size() < steps.size()) // (a failed one, and those after it)
        *durationsMs << 0;
    return StepOutcomeReader::readGroup(layout, PipelineAnswers::of(results, {}),
                                        !m_settings.preparedRestore.isEmpty());
}

StepsOutcome MigrationScriptRunner::commitGroup(const QList<Step> &steps, Direction direction,
                                                Ledger &ledger, const QList<int> &durationsMs,
                                                bool unreset)
{
    const bool up = direction == Direction::Up;
    QList<LedgerEntry> entries;
    for (int k = 0; k < steps.size(); ++k) {
        LedgerEntry e = ScriptPipelineBuilder::ledgerEntry(steps[k]);
        e.durationMs = durationsMs.value(k);
        e.eventDetail = ScriptPipelineBuilder::eventDetail(
            *steps[k].migration, direction, m_lockRetry.detail(steps[k].migration->id()));
        entries << e;
    }
    // search_path pinned to pg_catalog for the ledger's statements, set back after them
    // (deferred triggers fire at the COMMIT)
    const std::vector<PgResult> done = m_connection.pipeline(
        {Ledger::pinSearchPathSql(), Ledger::lockCheckSql(), Ledger::recordGroupSql(up),
         Ledger::unpinSearchPathSql(), Transaction::commitCommand()},
        {QVariantList{},
         // a script without a reset: unless an event trigger ran user code in it after all
         Ledger::lockCheckParams(unreset ? QString::fromLatin1(RunnerSignals::kEventTriggerFound)
                                         : QString()),
         ledger.recordGroupParams(entries, up), QVariantList{}, QVariantList{}});
    QList<CommandAnswer> answers;
    for (const PgResult &r : done)
        answers << CommandAnswer::of(r);
    return StepOutcomeReader::readGroupCommit(answers, int(steps.size()));
}

} // namespace uaip
