#include "errorcode.h"

namespace uaip {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadInput:
        return QStringLiteral("bad-input");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Server:
        return QStringLiteral("server");
    case ErrorCode::Connection:
        return QStringLiteral("connection");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::NeedsConfirmation:
        return QStringLiteral("needs-confirmation");
    }
    return QStringLiteral("internal");
}

} // namespace uaip
