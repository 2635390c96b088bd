#pragma once

#include "backfillprogress.h"
#include "error/error.h"
#include "lint/validationproblem.h"
#include "lockattempt.h"
#include "lockholder.h"
#include "migrationfailure.h"
#include "runstep.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace uaip {

// What a runner command did. Outcome maps one to one onto uaip-migrate's exit codes.
struct RunResult
{
    enum class Outcome {
        Ok = 0,
        Failed = 1, // a migration failed (or was cancelled); the database is as before it
        BadInput = 2, // bad usage, unreadable files, cannot connect
        Blocked = 3, // validation problems: modified / failed migrations, drift
        LockTimeout = 4, // another runner held the lock for too long
    };
    Outcome outcome = Outcome::Ok;
    bool cancelled = false;
    bool partial = false; // a no-transaction migration stopped part-way: what ran remains
    // The connection went and the ledger could not be read on a new one: whether the failed
    // step committed is not known (nothing may say it was rolled back).
    bool outcomeUnknown = false;
    // The server went away mid-run: message says what the ledger, read again, shows (or that
    // it could not be read); nothing may add that a failed migration was rolled back.
    bool connectionLost = false;
    QString message;
    // The error of a failure outside the migrations' own statements (the server's topology,
    // the lock, the ledger's creation or read: MigrationRunSession), the server's PgError kept
    // where it spoke; unset otherwise. fail() sets it with outcome and message.
    Error cause;
    QStringList problems;
    // The plan check's problems with their places (problems has them as text too).
    QList<ValidationProblem> planProblems;
    QList<RunStep> steps;
    std::optional<MigrationFailure> failure;
    std::optional<LockHolder> lockHolder;
    // Every attempt at a table lock that gave up and was tried again (LockRetry), in order.
    QList<LockAttempt> lockAttempts;
    // Every batched statement (uaip:batch) that ran, as it ended or stopped.
    QList<BackfillProgress> backfills;

    bool ok() const { return outcome == Outcome::Ok; }
    int exitCode() const { return int(outcome); }
    // The run's failure as the one error type (none when ok): Cancelled first (a cancelled
    // statement's server error, 57014, stays in failure); then the failed migration's error;
    // then cause (its toString() is message); Connection when the connection went; BadInput,
    // Refused (blocked) or Conflict (the lock was not obtained in time) from the outcome, its
    // text message.
    Error error() const;
    // Fails the run with error: cause, message (error.toString()) and the outcome its code
    // decides (outcomeOf; the server's 55P03 is LockTimeout); a Cancelled error also sets
    // cancelled.
    void fail(const Error &error);
    // The outcome of a failure of this code: Failed where the server refused or the connection
    // went (Server, Connection), a library failed (Internal) or it was cancelled; BadInput for
    // the rest (a value, file or target the caller gave: BadInput, NotFound, Io, Refused, ...).
    static Outcome outcomeOf(ErrorCode code);
};

} // namespace uaip
