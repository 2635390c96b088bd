#pragma once

#include "stepfailure.h"

#include <QList>
#include <optional>

namespace uaip {

// What a pipeline of steps did, as StepOutcomeReader read it.
struct StepsOutcome
{
    // The run is to be sent again from the first step not committed, changed: every script
    // with its reset and lock check (an event trigger may have run user code in one taken for
    // harmless), or nothing prepared (a script deallocated the runner's statements).
    enum class Retry { No, WithResets, Unprepared };

    int committed = 0;
    QList<int> durationsMs; // of the committed steps, as the server measured them
    std::optional<StepFailure> failure; // of step 'committed'
    Retry retry = Retry::No;
};

} // namespace uaip
