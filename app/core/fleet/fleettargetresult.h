#pragma once

#include "error/error.h"
#include "ledger/backfillprogress.h"
#include "ledger/lockattempt.h"

#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace uaip {

// Where one target of a fleet run stands after its part of the run.
struct FleetTargetResult
{
    enum class State {
        Pending, // status / dry run: migrations to apply (or a plan to run)
        Applied, // this run applied (or rolled back) migrations, all succeeded
        UpToDate, // nothing to do
        Failed, // the run failed (the database is as the engine leaves any failed run)
        Skipped, // not started: the failure budget was spent, a canary failed, or cancelled
        Standby, // a standby (read-only): nothing written
        Unreachable, // no connection
        Drifted, // drift: objects differ from what its applied migrations make
        // status: a migration needs attention (changed after it was applied, a failed
        // non-transactional run, or applied with its folder gone): never "up to date"
        Attention,
    };
    QString name;
    QString wave;
    State state = State::Skipped;
    QStringList applied; // versions this run applied (or rolled back, for down)
    int pending = 0;
    QString appliedLevel; // highest applied version ("" = none)
    QStringList appliedVersions; // all applied, from the ledger
    QStringList pendingVersions;
    QString failedVersion; // a failed (dirty) migration in the ledger, or the one that failed now
    QList<LockAttempt> lockAttempts; // the run's table-lock attempts that gave up (LockRetry)
    QList<BackfillProgress> backfills; // its batched statements (uaip:batch), as they ended
    // up --dry-run: the plan's lock forecast on this target, as up --dry-run prints it (text
    // lines) and gives it in --json (per migration: migration, file, statements)
    QStringList forecastLines;
    QJsonArray forecast;
    QStringList driftedObjects;
    // drift: other tools' history tables of the target, left out of the comparison (one line
    // each, ForeignHistoryTables::notes)
    QStringList leftOut;
    // Why the target failed, needs attention, was refused or was not started (unset: nothing
    // to say), with a code to decide on. A failed migration's is the run's error
    // (RunResult::error(): its code, the server's PgError, where it failed as args "path",
    // "line", "column", "version"), said after the failure's place.
    Error error;
    qint64 durationMs = 0;

    static QList<State> states(); // every state, in the order they are listed
    static QString stateName(State state); // "applied", "up-to-date", ... (JSON, stable)
    static QString stateText(State state); // translated, for people
    bool succeeded() const { return state == State::Applied || state == State::UpToDate; }
    // "file:line:col" where a migration failed (error's args), or empty.
    QString location() const;
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::FleetTargetResult)
