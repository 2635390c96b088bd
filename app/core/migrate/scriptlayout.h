#pragma once

#include <QtGlobal>

namespace uaip {

// Where ScriptPipelineBuilder put one script's commands in a pipeline.
struct ScriptLayout
{
    qsizetype firstStatement = 0;
    qsizetype firstReset = 0; // the session reset, if any, then what follows
    qsizetype constraints = -1; // SET CONSTRAINTS ALL IMMEDIATE (one transaction), if sent
    bool harmless = false; // no reset: the script runs no user code
};

} // namespace uaip
