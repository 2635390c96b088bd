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
    // What a run that is not ok() failed with: Cancelled; else the code its failed and
    // unreachable targets share (Connection when every one was unreachable, Server when they
    // differ); else the one its other targets that are not up to date share, from their error,
    // or Refused for a standby, Conflict for drift or what is left pending (Conflict when
    // they differ). Refused for a run refused whole (refusal).
    ErrorCode failureCode() const;
};

} // namespace uaip
