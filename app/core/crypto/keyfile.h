#pragma once

#include "datakey.h"

#include "error/result.h"
#include "error/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace uaip {

// The data key wrapped for a file (JSON), for the platform's services and for moving the key
// between keychains. Only the wrapped key is in it: AES-256-GCM under a key derived from the
// passphrase with scrypt (OpenSSL EVP_PBE_scrypt, N = 2^17, r = 8, p = 1, 16-byte salt).
//
//   {"format": "uaip-prompt-key", "version": 1, "key_id": "<16 hex>",
//    "kdf": {"name": "scrypt", "n": 131072, "r": 8, "p": 1, "salt": "<b64url>"},
//    "cipher": "aes-256-gcm", "nonce": "<b64url>", "ciphertext": "<b64url>", "tag": "<b64url>"}
//
// associated data: the UTF-8 bytes of "uaip-prompt-key:1:<key id>".
// unwrap() accepts at most what wrap() writes (n = 2^17, r = 8, p = 1; n at least 2^14) and
// refuses more before deriving anything: a hostile file cannot ask for gigabytes or minutes.
// Both take a noticeable time (about 0.3 s of scrypt): the GUI runs them as a task.
class KeyFile
{
    Q_DECLARE_TR_FUNCTIONS(uaip::KeyFile)
public:
    struct Kdf
    {
        quint64 n = quint64(1) << 17;
        quint32 r = 8;
        quint32 p = 1;
    };

    // Done when the passphrase is acceptable for a new key file, else BadInput saying why not.
    static Status checkPassphrase(const QString &passphrase);
    // The file's bytes (indented JSON).
    static Result<QByteArray> wrap(const DataKey &key, const QString &passphrase);
    static Result<QByteArray> wrap(const DataKey &key, const QString &passphrase, Kdf kdf);
    // The 32 key bytes; CryptoFailure::wrongPassphrase when the tag does not verify, malformed
    // or unsupportedVersion for a file that is no key file this build reads.
    static Result<QByteArray> unwrap(const QByteArray &file, const QString &passphrase);
};

} // namespace uaip
