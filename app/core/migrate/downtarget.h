#pragma once

#include "ledger/migrationversion.h"

#include <optional>

namespace uaip {

// What "down" rolls back: the last N, everything after a version (which stays applied), or all.
struct DownTarget
{
    enum class Kind { Steps, ToVersion, All };
    Kind kind = Kind::Steps;
    int steps = 1;
    std::optional<MigrationVersion> version;
};

} // namespace uaip
