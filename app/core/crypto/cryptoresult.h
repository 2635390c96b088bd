#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// What went wrong in a cryptographic step. Every failure is a value with a message for people;
// a decryption never returns bytes unless the GCM tag verified.
enum class CryptoError {
    None,
    Malformed, // not an envelope / key file, or a field is not valid base64url / length
    UnsupportedVersion, // an envelope or key file of a format version this build does not know
    WrongKey, // the key id in the envelope is not the id of the key given
    AuthenticationFailed, // GCM tag mismatch: tampered ciphertext, tag, nonce or associated data
    WrongPassphrase, // key file: the tag did not verify under the key derived from the passphrase
    Internal, // OpenSSL refused a call (out of memory, ...)
};

// The outcome of seal/open/wrap/unwrap: bytes when ok(), otherwise an error and a message.
struct CryptoResult
{
    QByteArray bytes;
    CryptoError error = CryptoError::None;
    QString message;

    bool ok() const { return error == CryptoError::None; }
    static CryptoResult failure(CryptoError e, const QString &why) { return {{}, e, why}; }
    static CryptoResult success(QByteArray b) { return {std::move(b), CryptoError::None, {}}; }
};

} // namespace uaip

namespace uaip {

// The same for text: an envelope after sealing, the prompt text after opening.
struct CryptoTextResult
{
    QString text;
    CryptoError error = CryptoError::None;
    QString message;

    bool ok() const { return error == CryptoError::None; }
};

} // namespace uaip
