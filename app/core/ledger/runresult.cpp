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
    if (cancelled)
        return Error(ErrorCode::Cancelled, message, args);
    if (failure && failure->error.isSet())
        return failure->error;
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

} // namespace uaip
