#pragma once

#include <QString>

namespace uaip {

// One row of uaip_ledger.uaip_schema_migrations: a migration applied (or left dirty) in this
// database.
struct LedgerEntry
{
    QString version;
    QString name;
    QString checksum;
    QString downChecksum;
    QString appliedAt; // ISO 8601, UTC
    QString appliedBy;
    QString client;
    int durationMs = 0;
    bool dirty = false; // a non-transactional migration failed or was interrupted
    QString error;
    // How far a no-transaction run got (dirty rows): "apply" or "rollback", the statements that
    // completed out of the total, and file:line:col of the first one that did not.
    QString progressAction;
    int progressDone = 0;
    int progressTotal = 0;
    QString progressAt;
    // Checksum of the statements that completed and of their inline COPY rows
    // (ProgressChecksum): what a resume compares with the file as it is now. Empty before
    // ledger format 3.
    QString progressChecksum;
    // Where the batched statement that was running stands (BackfillPosition's JSON, ledger
    // format 5); empty when none was.
    QString progressBatch;
    // Where it stands in the order things were applied (0 = first): a rollback goes newest
    // first in this order, not by version (an out-of-order apply is the newest).
    int appliedOrder = 0;
    // Written to the apply/rollback event only (its detail): how the migration's lock attempts
    // went (LockRetry::detail()); empty when it got its locks at once.
    QString eventDetail;
};

} // namespace uaip
