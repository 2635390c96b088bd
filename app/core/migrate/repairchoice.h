#pragma once

#include "ledger/migrationversion.h"

#include <optional>

namespace uaip {

// What 'repair' does. Checksums: re-record the checksums of edited files. The others decide
// about one failed (dirty) no-transaction run, apply or rollback alike:
// MarkDone: it was finished by hand (apply: applied; rollback: rolled back);
// Resume: run the rest of its file, from the statement that did not complete;
// Forget: it never happened (apply: pending again; rollback: applied again).
struct RepairChoice
{
    enum class Kind { Checksums, MarkDone, Resume, Forget };
    Kind kind = Kind::Checksums;
    std::optional<MigrationVersion> version;
};

} // namespace uaip
