#include "stepoutcomereader.h"

#include "runnersignals.h"

#include "db/transaction.h"

#include <algorithm>

namespace uaip {

namespace {

bool rolledBack(const CommandAnswer &commit)
{
    return commit.ok && Transaction::isRollbackTag(commit.commandTag);
}

} // namespace

std::optional<StepFailure::Where>
StepOutcomeReader::prologueFailure(const LockPrologue &p, qsizetype i, const CommandAnswer &answer)
{
    if (!p.contains(i) || answer.ok)
        return std::nullopt;
    if (i == p.check && answer.error.message == QLatin1String(RunnerSignals::kPlanChanged))
        return StepFailure::Where::PlanChanged;
    if (answer.error.sqlState == QLatin1String(RunnerSignals::kLockNotAvailable))
        return StepFailure::Where::LockTimeout;
    return StepFailure::Where::Lock;
}

StepsOutcome StepOutcomeReader::readSteps(const QList<StepLayout> &layouts,
                                          const PipelineAnswers &answers, bool anyPrepared)
{
    StepsOutcome out;
    for (; out.committed < layouts.size(); ++out.committed) {
        const StepLayout &l = layouts[out.committed];
        const qsizetype f = answers.firstFailure;
        const bool failedHere = f >= l.first && f <= l.commit;
        if (!failedHere && (f < 0 || f > l.commit) && !rolledBack(answers.at(l.commit))) {
            out.durationsMs << answers.at(l.ledger).firstValue.toInt();
            continue;
        }
        const qsizetype i = failedHere ? f : l.commit;
        const CommandAnswer r = answers.at(i);
        StepFailure failure;
        failure.step = out.committed;
        failure.error = r.error;
        if (i == l.ledger && r.error.message == QLatin1String(RunnerSignals::kEventTriggerFound))
            out.retry = StepsOutcome::Retry::WithResets;
        else if (i >= l.firstReset && anyPrepared
                 && r.error.sqlState == QLatin1String(RunnerSignals::kNoSuchStatement))
            out.retry = StepsOutcome::Retry::Unprepared; // the runner's statements were deallocated
        if (const auto where = prologueFailure(l.prologue, i, r)) {
            failure.where = *where;
        } else if (i >= l.firstStatement && i < l.firstReset) {
            failure.where = StepFailure::Where::Statement;
            failure.statement = i - l.firstStatement;
        } else if (i == l.commit) { // deferred constraints fire here
            failure.where
                = r.ok ? StepFailure::Where::CommitRolledBack : StepFailure::Where::Commit;
        } else if (i == l.ledger || i == l.lockCheck) {
            failure.where = StepFailure::Where::Ledger;
        } else if (i >= l.firstReset) {
            failure.where = StepFailure::Where::Reset;
        } else {
            failure.where = StepFailure::Where::Begin;
        }
        out.failure = failure;
        break;
    }
    return out;
}

StepsOutcome StepOutcomeReader::readGroup(const GroupLayout &layout, const PipelineAnswers &answers,
                                          bool restorePrepared)
{
    StepsOutcome out;
    const qsizetype i = answers.firstFailure;
    if (i < 0 || layout.scripts.isEmpty())
        return out;
    const CommandAnswer r = answers.at(i);
    StepFailure failure;
    failure.error = r.error;
    if (const auto where = prologueFailure(layout.prologue, i, r)) {
        failure.where = *where;
        out.failure = failure;
        return out;
    }
    const auto last = std::lower_bound(layout.lastCommand.cbegin(), layout.lastCommand.cend(), i);
    failure.step = last == layout.lastCommand.cend() ? int(layout.scripts.size()) - 1
                                                     : int(last - layout.lastCommand.cbegin());
    const ScriptLayout &l = layout.scripts[failure.step];
    if (i >= l.firstReset && restorePrepared
        && r.error.sqlState == QLatin1String(RunnerSignals::kNoSuchStatement))
        out.retry = StepsOutcome::Retry::Unprepared;
    if (i >= l.firstStatement && i < l.firstReset) {
        failure.where = StepFailure::Where::Statement;
        failure.statement = i - l.firstStatement;
    } else if (i == l.constraints) { // its deferred checks, at its end
        failure.where = StepFailure::Where::DeferredConstraint;
    } else {
        failure.where = i == 0 ? StepFailure::Where::Begin : StepFailure::Where::Reset;
    }
    out.failure = failure;
    return out;
}

StepsOutcome StepOutcomeReader::readGroupCommit(const QList<CommandAnswer> &answers, int steps)
{
    StepsOutcome out;
    constexpr qsizetype kLockCheck = 1;
    constexpr qsizetype kCommit = 4;
    const bool complete = answers.size() == kCommit + 1;
    if (complete
        && std::all_of(answers.cbegin(), answers.cend(),
                       [](const CommandAnswer &a) { return a.ok; })
        && Transaction::isCommitTag(answers[kCommit].commandTag)) {
        out.committed = steps;
        return out;
    }
    StepFailure failure;
    failure.step = steps - 1;
    const auto bad = std::find_if(answers.cbegin(), answers.cend(),
                                  [](const CommandAnswer &a) { return !a.ok; });
    if (!complete || bad - answers.cbegin() < kCommit) {
        failure.where = StepFailure::Where::Ledger;
        if (bad != answers.cend())
            failure.error = bad->error;
        if (complete && !answers[kLockCheck].ok
            && answers[kLockCheck].error.message
                == QLatin1String(RunnerSignals::kEventTriggerFound))
            out.retry = StepsOutcome::Retry::WithResets; // all again, every script with its reset
    } else { // deferred constraints fire at the COMMIT
        failure.where = answers[kCommit].ok ? StepFailure::Where::CommitRolledBack
                                            : StepFailure::Where::Commit;
        failure.error = answers[kCommit].error;
    }
    out.failure = failure;
    return out;
}

} // namespace uaip
