#include "fleetsummary.h"

#include <algorithm>

namespace uaip {

int FleetSummary::count(FleetTargetResult::State state) const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [state](const FleetTargetResult &r) { return r.state == state; }));
}

bool FleetSummary::ok() const
{
    if (!refusal.isEmpty() || cancelled || results.isEmpty())
        return false;
    // up to date: nothing was to do, or this run did it all (applied, nothing left pending)
    return std::all_of(results.cbegin(), results.cend(), [this](const FleetTargetResult &r) {
        return r.state == FleetTargetResult::State::UpToDate
            || (r.state == FleetTargetResult::State::Applied
                && (r.pending == 0 || command == QLatin1String("down")));
    });
}

} // namespace uaip
