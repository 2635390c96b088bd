#pragma once

#include "explain/explainresult.h"
#include "sqlparse/textposition.h"

#include <QByteArray>
#include <QDateTime>

namespace uaip {

// One EXPLAIN run of a SQL console tab: when, of which statement (its text and where it
// started in the editor's script then), and the plan.
struct PlanHistoryEntry
{
    QDateTime at;
    QByteArray statement;
    int scriptOffset = 0; // byte offset of the statement in the script it was run from
    TextPosition start;
    ExplainResult result;
};

} // namespace uaip
