#include "fleetsummary.h"

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
    return count(FleetTargetResult::State::UpToDate) == results.size();
}

} // namespace uaip
