#pragma once

#include <QByteArray>

namespace uaip {

// How the crypto module writes bytes as text (keys in the keychain and in key files, nonces,
// ciphertexts and tags in envelopes): base64url without padding. Decoding adds
// AbortOnBase64DecodingErrors.
struct Base64Url
{
    static constexpr QByteArray::Base64Options kOptions
        = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
};

} // namespace uaip
