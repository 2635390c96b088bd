#include "cryptofailure.h"

namespace uaip {

namespace {

Error make(ErrorCode code, QLatin1String kind, const QString &text)
{
    return Error(code, text, {{QString(CryptoFailure::kArg), QString(kind)}});
}

} // namespace

Error CryptoFailure::malformed(const QString &text)
{
    return make(ErrorCode::BadInput, kMalformed, text);
}

Error CryptoFailure::unsupportedVersion(const QString &text)
{
    return make(ErrorCode::BadInput, kUnsupportedVersion, text);
}

Error CryptoFailure::wrongKey(const QString &text)
{
    return make(ErrorCode::Refused, kWrongKey, text);
}

Error CryptoFailure::authenticationFailed(const QString &text)
{
    return make(ErrorCode::Refused, kAuthenticationFailed, text);
}

Error CryptoFailure::wrongPassphrase(const QString &text)
{
    return make(ErrorCode::Refused, kWrongPassphrase, text);
}

Error CryptoFailure::internal(const QString &text)
{
    return make(ErrorCode::Internal, kInternal, text);
}

QString CryptoFailure::kindOf(const Error &error)
{
    return error.isSet() ? error.arg(QString(kArg)).toString() : QString();
}

} // namespace uaip
