#pragma once

#include "lockprologue.h"
#include "scriptlayout.h"

#include <QList>

namespace uaip {

// Where a run in one transaction went in its first pipeline: BEGIN (command 0), [prologue],
// then each script with its reset; lastCommand[k] is step k's last command.
struct GroupLayout
{
    LockPrologue prologue;
    QList<ScriptLayout> scripts;
    QList<qsizetype> lastCommand;
    bool anyUnreset = false; // a script got no reset: the ledger write looks for event triggers
};

} // namespace uaip
