#include "runresult.h"

namespace uaip {

Error RunResult::error() const
{
    if (ok())
        return {};
    QVariantMap args;
    if (failure) {
        args.insert(QStringLiteral("version"), failure->version);
        args.insert(QStringLiteral("path"), failure->file);
        args.insert(QStringLiteral("line"), failure->position.line);
        args.insert(QStringLiteral("column"), failure->position.column);
    }
    if (cancelled) { // with the server's word for it where it spoke (57014)
        const Error e(ErrorCode::Cancelled, message, args);
        return failure && failure->error.server() ? e.saidBy(*failure->error.server()) : e;
    }
    if (failure && failure->error.isSet()) { // its code and the server's error, and where
        Error located = failure->error;
        for (auto it = args.cbegin(); it != args.cend(); ++it)
            located = located.with(it.key(), it.value());
        return located;
    }
    if (cause.isSet() && outcome == Outcome::LockTimeout && cause.code() == ErrorCode::Server) {
        // the server's 55P03: a lock timeout like the migration lock's (code conflict, exit 4)
        const Error conflict(ErrorCode::Conflict, cause.text(), cause.args());
        return cause.server() ? conflict.saidBy(*cause.server()) : conflict;
    }
    if (cause.isSet())
        return cause;
    ErrorCode code = ErrorCode::Server;
    if (connectionLost || outcomeUnknown)
        code = ErrorCode::Connection;
    else if (outcome == Outcome::BadInput)
        code = ErrorCode::BadInput;
    else if (outcome == Outcome::Blocked)
        code = ErrorCode::Refused;
    else if (outcome == Outcome::LockTimeout)
        code = ErrorCode::Conflict;
    return Error(code, message, args);
}

void RunResult::fail(const Error &error)
{
    // the server's lock_not_available (a lock_timeout): a lock timeout like the migration
    // lock's and a statement's (exit 4: retried by scripts that retry those)
    outcome = error.sqlState() == QLatin1String("55P03") ? Outcome::LockTimeout
                                                         : outcomeOf(error.code());
    cancelled = error.code() == ErrorCode::Cancelled;
    cause = error;
    message = error.toString();
}

RunResult::Outcome RunResult::outcomeOf(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Server:
    case ErrorCode::Connection:
    case ErrorCode::Internal:
    case ErrorCode::Cancelled:
        return Outcome::Failed;
    case ErrorCode::BadInput:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::Refused:
    case ErrorCode::Io:
    case ErrorCode::Locked:
    case ErrorCode::NeedsConfirmation:
        break;
    }
    return Outcome::BadInput;
}

} // namespace uaip
