#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace uaip {

// AES-256-GCM through OpenSSL EVP: 32-byte key, 12-byte nonce, 16-byte tag.
class AesGcm
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AesGcm)
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;

    struct Sealed
    {
        QByteArray nonce;
        QByteArray ciphertext;
        QByteArray tag;
    };

    // A fresh random nonce for every call (RAND_bytes); BadInput for a key that is not
    // kKeyBytes long, Internal (the OpenSSL call) if OpenSSL failed.
    static Result<Sealed> seal(const QByteArray &key, const QByteArray &plaintext,
                               const QByteArray &aad);
    // The plaintext only when the tag verifies; CryptoFailure::authenticationFailed otherwise.
    static Result<QByteArray> open(const QByteArray &key, const Sealed &sealed,
                                   const QByteArray &aad);
    static QByteArray randomBytes(int n); // empty when the RNG failed
};

} // namespace uaip
