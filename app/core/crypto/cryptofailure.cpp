#include "cryptofailure.h"

namespace uaip {

Error CryptoFailure::of(QLatin1String kind, const QString &text)
{
    const ErrorCode code = kind == kInternal                ? ErrorCode::Internal
        : kind == kMalformed || kind == kUnsupportedVersion ? ErrorCode::BadInput
                                                            : ErrorCode::Refused;
    return Error(code, text, {{QString(kArg), QString(kind)}});
}

QString CryptoFailure::kindOf(const Error &error)
{
    return error.isSet() ? error.arg(QString(kArg)).toString() : QString();
}

} // namespace uaip
