#pragma once

#include "commandanswer.h"

#include <QHash>
#include <QList>

namespace uaip {

class PipelineOutcome;

// What the runner reads of a pipeline's answers: the first command that failed (or never got
// an answer) and the answers it kept; every command before the first failure succeeded, none
// after it ran. A value: built from a PipelineOutcome, or by a test.
struct PipelineAnswers
{
    qsizetype firstFailure = -1;
    QHash<qsizetype, CommandAnswer> kept; // the first failure's answer too

    // Command i's answer: kept, or succeeded (before the first failure), or not run.
    CommandAnswer at(qsizetype i) const;
    static PipelineAnswers of(const PipelineOutcome &outcome, const QList<qsizetype> &keep);
};

} // namespace uaip
