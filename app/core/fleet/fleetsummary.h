#pragma once

#include "fleettargetresult.h"

#include <QList>
#include <QString>

namespace uaip {

// A fleet run as a whole: every target's result in file order and the counts.
struct FleetSummary
{
    QString command;
    QList<FleetTargetResult> results;
    // Why nothing ran (two names for one database, ...); empty when the run went ahead.
    QString refusal;
    bool cancelled = false;
    qint64 durationMs = 0;

    int count(FleetTargetResult::State state) const;
    // Every target up to date (after the run), nothing refused or cancelled.
    bool ok() const;
};

} // namespace uaip
