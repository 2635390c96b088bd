#pragma once

#include "ledger/migration.h"

#include <QString>

namespace uaip {

// One migration of a run, with the version as its ledger row spells it (empty: no row yet;
// 0007 in the folder may be 7 in the ledger).
struct MigrationStep
{
    const Migration *migration = nullptr;
    QString ledgerVersion;

    // The version the ledger knows it by: its row's spelling, else the folder's.
    QString version() const
    {
        return ledgerVersion.isEmpty() ? migration->version.text() : ledgerVersion;
    }
};

} // namespace uaip
