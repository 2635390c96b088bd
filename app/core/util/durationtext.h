#pragma once

#include <QString>

#include <optional>

namespace uaip {

// A duration as a DBA types it for a timeout: "5s", "500ms", "2min", "1h" or "250" (milliseconds),
// any case, spaces around allowed. The one parser of --lock-timeout and uaip:lock-timeout.
class DurationText
{
public:
    // Milliseconds; nullopt for anything else or more than fits an int (then *tooLarge).
    static std::optional<int> toMs(const QString &text, bool *tooLarge = nullptr);
};

} // namespace uaip
