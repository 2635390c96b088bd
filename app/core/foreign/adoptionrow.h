#pragma once

#include "foreignentry.h"

#include <QString>

namespace uaip {

// One foreign entry and what adopt does with it: the folder it matched (if any) and why.
struct AdoptionRow
{
    enum class Action {
        Adopt, // the folder becomes applied in our ledger
        Applied, // the folder is in our ledger already: nothing to do
        Skip, // not applied in the tool (rolled back, undone) or a marker row
        Refuse, // failed, dirty, unmatched or ambiguous: adopt refuses the whole plan
    };
    ForeignEntry entry;
    QString folder; // the matched migration, VERSION_name; empty when none
    QString version; // its version as the folder writes it
    Action action = Action::Refuse;
    QString note; // what it is, or why it is refused
    QString detail; // Adopt: the foreign row, as the adopt event names it
    // Adopt with --accept-checksums over a checksum that differs or is missing: what the tool
    // recorded (empty: none) and what the folder's up.sql has; the adopt event keeps both.
    bool checksumAccepted = false;
    QString recordedChecksum;
    QString fileChecksum;
    int spanRow = -1; // a covered folder: the index (in AdoptionPlan::rows) of the row covering it
};

} // namespace uaip
