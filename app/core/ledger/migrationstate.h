#pragma once

#include <QString>

namespace uaip {

enum class MigrationState {
    Applied, // in the ledger, files unchanged
    Pending, // file present, not applied
    Modified, // applied, but up.sql or down.sql changed since
    Missing, // applied, but its folder is gone
    Failed, // a non-transactional run failed or was interrupted: needs repair
};

QString migrationStateName(MigrationState state);

} // namespace uaip
