#pragma once

#include <QString>

#include <optional>

namespace uaip {

// PostgreSQL's table-level lock modes, weakest first: the order of the numbers 1 (AccessShareLock)
// to 8 (AccessExclusiveLock) in PostgreSQL's src/include/storage/lockdefs.h, which is also the
// order in which ALTER TABLE takes "the strongest lock of all its subcommands".
enum class LockMode {
    AccessShare, // SELECT
    RowShare, // SELECT ... FOR UPDATE / FOR SHARE
    RowExclusive, // INSERT, UPDATE, DELETE, MERGE
    ShareUpdateExclusive, // VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, COMMENT ON, VALIDATE
    Share, // CREATE INDEX
    ShareRowExclusive, // CREATE TRIGGER, ADD FOREIGN KEY
    Exclusive, // REFRESH MATERIALIZED VIEW CONCURRENTLY
    AccessExclusive, // most ALTER TABLE forms, DROP TABLE, TRUNCATE, VACUUM FULL, CLUSTER
};

// The mode as PostgreSQL's LOCK statement and manual spell it: "ACCESS EXCLUSIVE".
QString lockModeName(LockMode mode);

// Whether the two modes conflict: PostgreSQL 15's manual, "Table-Level Lock Modes", table
// "Conflicting Lock Modes" (symmetric).
bool lockModesConflict(LockMode a, LockMode b);

// Whether a lock of this mode makes a plain SELECT wait (it conflicts with ACCESS SHARE: only
// ACCESS EXCLUSIVE does).
bool blocksReads(LockMode mode);

// Whether it makes INSERT, UPDATE, DELETE and MERGE wait (it conflicts with ROW EXCLUSIVE:
// SHARE and every stronger mode).
bool blocksWrites(LockMode mode);

// The mode of lockdefs.h's number (1 to 8), as the parse tree of a LOCK statement holds it;
// nullopt for any other number.
std::optional<LockMode> lockModeFromNumber(int number);

} // namespace uaip
