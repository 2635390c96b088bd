#include "pipelineanswers.h"

#include "db/pipelineoutcome.h"

namespace uaip {

CommandAnswer PipelineAnswers::at(qsizetype i) const
{
    if (const auto found = kept.constFind(i); found != kept.cend())
        return *found;
    if (firstFailure < 0 || i < firstFailure)
        return CommandAnswer::succeeded();
    return CommandAnswer{}; // after the first failure: not run
}

PipelineAnswers PipelineAnswers::of(const PipelineOutcome &outcome, const QList<qsizetype> &keep)
{
    PipelineAnswers a;
    a.firstFailure = outcome.firstFailure();
    for (const qsizetype i : keep)
        if (i >= 0 && i < outcome.size())
            a.kept.insert(i, CommandAnswer::of(outcome.at(i)));
    if (a.firstFailure >= 0)
        a.kept.insert(a.firstFailure, CommandAnswer::of(outcome.at(a.firstFailure)));
    return a;
}

} // namespace uaip
