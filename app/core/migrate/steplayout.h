#pragma once

#include "lockprologue.h"

namespace uaip {

// Where one step of a run in transactions of their own (one per step) went in the pipeline:
// BEGIN, [prologue], its script, its reset, the ledger write, COMMIT.
struct StepLayout
{
    qsizetype first = 0; // BEGIN
    LockPrologue prologue;
    qsizetype firstStatement = 0;
    qsizetype firstReset = 0;
    qsizetype lockCheck = -1; // -1: none (the script cannot have released the lock)
    qsizetype ledger = 0;
    qsizetype commit = 0;
};

} // namespace uaip
