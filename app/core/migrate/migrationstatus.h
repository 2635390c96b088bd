#pragma once

#include "ledgerentry.h"
#include "migration.h"
#include "migrationstate.h"

#include <optional>

namespace uaip {

// A migration as the files and the ledger together describe it.
struct MigrationStatus
{
    QString version; // as written in the folder name (or the ledger, for missing ones)
    std::optional<MigrationVersion> parsedVersion;
    QString name;
    MigrationState state = MigrationState::Pending;
    std::optional<Migration> migration; // absent when Missing
    std::optional<LedgerEntry> entry; // absent when Pending

    bool isApplied() const { return entry.has_value(); }
    QString id() const { return version + u'_' + name; }
};

} // namespace uaip
