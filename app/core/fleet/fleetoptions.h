#pragma once

#include "migrate/downtarget.h"

#include <QString>

namespace uaip {

// How a fleet run goes: the command for every target, and the scheduling around it.
struct FleetOptions
{
    enum class Command { Status, Up, Down, Drift };
    Command command = Command::Status;
    QString toVersion; // up --to V (empty: all pending)
    DownTarget down; // down --steps N / --to V / --all, as the single-database down takes them
    bool singleTransaction = false;
    bool dryRun = false; // up/down: each target's plan, nothing run
    int parallel = 1; // worker threads: at most this many sessions open at once
    int canary = 0; // the first K targets run first; all must succeed before the rest start
    int maxFailures = -1; // after this many failed targets no new one starts; -1: no budget
    QString client; // recorded in each ledger (tool, version, host)
    int lockWaitMs = 10000;
    int lockTimeoutMs = 120000; // each target's lock budget (MigrationRunOptions)
    int lockAttemptMs = 200;
    qint64 maxBlockingRows = 100000; // MigrationRunOptions::maxBlockingRows
    int statementTimeoutMs = 0; // MigrationRunOptions::statementTimeoutMs
    QString applicationName = QStringLiteral("uaip-migrate fleet");
    QString sandboxDir; // drift: the sandbox the expected schemas are built on ("" = default)
    // drift: another tool's history table of a custom name, left out as the default names are
    // (ForeignHistoryTables)
    QString toolTable;

    static QString commandName(Command command);
    bool writes() const { return (command == Command::Up || command == Command::Down) && !dryRun; }
};

} // namespace uaip
