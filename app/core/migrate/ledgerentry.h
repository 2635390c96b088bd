#pragma once

#include <QString>

namespace uaip {

// One row of uaip_schema_migrations: a migration applied (or left dirty) in this database.
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
};

} // namespace uaip
