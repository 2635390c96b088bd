#pragma once

#include "grouplayout.h"
#include "pipelineanswers.h"
#include "steplayout.h"
#include "stepsoutcome.h"

#include <QList>

namespace uaip {

// Reads what a pipeline of migration steps did from its answers: which steps committed, where
// the first failure was, whether the run is to go again changed. Pure: no connection, no
// sentences (MigrationScriptRunner words the result).
class StepOutcomeReader
{
public:
    // Steps in transactions of their own (ScriptPipelineBuilder::appendSteps). anyPrepared: the
    // run sent prepared statements of its own (a 26000 after a script is theirs gone).
    static StepsOutcome readSteps(const QList<StepLayout> &layouts, const PipelineAnswers &answers,
                                  bool anyPrepared);
    // The first pipeline of a run in one transaction (appendGroup): nothing committed; the
    // failure, if any, and whether the prepared reset (restorePrepared) was deallocated.
    static StepsOutcome readGroup(const GroupLayout &layout, const PipelineAnswers &answers,
                                  bool restorePrepared);
    // Its second pipeline, for steps steps: search_path pinned, lock check, the ledger write of
    // all steps, search_path back, COMMIT. All committed, or the failure of the last step.
    static StepsOutcome readGroupCommit(const QList<CommandAnswer> &answers, int steps);

private:
    // A failure inside the lock prologue, or none.
    static std::optional<StepFailure::Where> prologueFailure(const LockPrologue &p, qsizetype i,
                                                             const CommandAnswer &answer);
};

} // namespace uaip
