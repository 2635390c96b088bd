#pragma once

#include "pgresult.h"

#include <map>

namespace uaip {

// What PipelineCommands::run() keeps of the results of a run of commands: the ones asked for
// (kept), the first that failed, and one ok result that stands for every other command before
// that failure. So a script of a hundred thousand statements does not hold a result for each.
class PipelineOutcome
{
public:
    explicit PipelineOutcome(qsizetype size = 0)
        : m_size(size)
        , m_notRun(PgResult::pipelineAborted())
    { }

    qsizetype size() const { return m_size; }
    // The first command that failed (not ok, or never answered); -1 when none did.
    qsizetype firstFailure() const { return m_firstFailure; }
    // Command i's result: its own when kept or the first failure; before the first failure an
    // ok result (another command's); after it a PipelineAborted one (the command did not run).
    const PgResult &at(qsizetype i) const;

    // Takes command i's result (PipelineCommands::run).
    void take(qsizetype i, PgResult &&result, bool keep);

private:
    qsizetype m_size = 0;
    qsizetype m_firstFailure = -1;
    std::map<qsizetype, PgResult> m_kept;
    PgResult m_ok;
    PgResult m_notRun;
};

} // namespace uaip
