#pragma once

#include "explainplan.h"

#include <QString>

namespace uaip {

// What ExplainRunner gives: the plan, and what the user should know about how it was made.
struct ExplainResult
{
    ExplainPlan plan;
    bool analyzed = false;
    // ANALYZE ran a writing statement and rolled it back (sequences it advanced stay advanced).
    bool rolledBack = false;
};

} // namespace uaip
