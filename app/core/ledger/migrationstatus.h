#pragma once

#include "backfillposition.h"
#include "ledgerentry.h"
#include "migration.h"
#include "migrationstate.h"

#include <QCoreApplication>
#include <optional>

namespace uaip {

// A migration as the files and the ledger together describe it.
struct MigrationStatus
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationStatus)

public:
    QString version; // as written in the folder name (or the ledger, for missing ones)
    std::optional<MigrationVersion> parsedVersion;
    QString name;
    MigrationState state = MigrationState::Pending;
    std::optional<Migration> migration; // absent when Missing
    std::optional<LedgerEntry> entry; // absent when Pending
    // An applied expand (-- uaip:expand) whose contract (-- uaip:contract-of its version) is
    // pending: the contract's id; empty otherwise (MigrationPlanner::status).
    QString awaitingContract;

    bool isApplied() const { return entry.has_value(); }
    QString id() const { return version + u'_' + name; }

    // What changed in a Modified migration, e.g. "down.sql was added after it was applied".
    QString modification() const
    {
        if (!entry || !migration)
            return {};
        if (entry->checksum != migration->upChecksum)
            return tr("up.sql changed after it was applied (ledger checksum %1, file %2)")
                .arg(entry->checksum.left(12), migration->upChecksum.left(12));
        if (entry->downChecksum.isEmpty())
            return tr("down.sql was added after it was applied (file %1)")
                .arg(migration->downChecksum.left(12));
        if (migration->downChecksum.isEmpty())
            return tr("down.sql was removed after it was applied");
        return tr("down.sql changed after it was applied (ledger checksum %1, file %2)")
            .arg(entry->downChecksum.left(12), migration->downChecksum.left(12));
    }

    // What needs attention, one line: the modification, or how far a failed run got.
    QString note() const
    {
        if (state == MigrationState::Modified)
            return modification();
        if (state == MigrationState::Applied && !awaitingContract.isEmpty())
            return tr("expanded: awaiting its contract %1").arg(awaitingContract);
        if (state != MigrationState::Failed || !entry)
            return {};
        if (entry->progressTotal <= 0)
            return entry->error.section(u'\n', 0, 0);
        const QString stopped = tr("%1 stopped after %2 of %3 statement(s); next: %4")
                                    .arg(entry->progressAction)
                                    .arg(entry->progressDone)
                                    .arg(entry->progressTotal)
                                    .arg(entry->progressAt);
        const std::optional<BackfillPosition> batch
            = BackfillPosition::fromJson(entry->progressBatch);
        if (batch && !batch->done)
            return stopped
                + tr(", its batches done: %n (%1 rows walked, %2 changed)", nullptr, batch->batches)
                      .arg(batch->walked)
                      .arg(batch->changed);
        return stopped;
    }
};

} // namespace uaip
