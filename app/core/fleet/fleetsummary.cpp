#include "fleetsummary.h"

#include <algorithm>
#include <optional>

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

ErrorCode FleetSummary::failureCode() const
{
    using S = FleetTargetResult::State;
    if (cancelled)
        return ErrorCode::Cancelled;
    if (!refusal.isEmpty())
        return ErrorCode::Refused;
    // the failed targets first: what the others say follows from them (not started, ...)
    std::optional<ErrorCode> failed;
    std::optional<ErrorCode> other;
    for (const FleetTargetResult &r : results) {
        const bool broke = r.state == S::Failed || r.state == S::Unreachable;
        if (r.state == S::UpToDate || (r.state == S::Applied && r.pending == 0))
            continue;
        const ErrorCode code = r.error.isSet() ? r.error.code()
            : broke                            ? ErrorCode::Server
            : r.state == S::Standby            ? ErrorCode::Refused
                                               : ErrorCode::Conflict;
        std::optional<ErrorCode> &shared = broke ? failed : other;
        shared
            = shared && *shared != code ? (broke ? ErrorCode::Server : ErrorCode::Conflict) : code;
    }
    return failed.value_or(other.value_or(ErrorCode::Conflict));
}

} // namespace uaip
