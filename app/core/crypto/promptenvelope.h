#pragma once

#include "datakey.h"

#include "error/result.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The text form of an encrypted prompt text, stored in the same `text` column as plain text:
//
//   uaipenc:1:<key id>:<nonce>:<ciphertext>:<tag>
//
// key id: 16 lowercase hex digits (DataKey::id); nonce (12 bytes), ciphertext (as long as the
// UTF-8 plaintext) and tag (16 bytes): base64url without padding. AES-256-GCM; associated
// data: the UTF-8 bytes of "uaipenc:1:<key id>:<prompt id>:<version>". See README.md,
// "Encryption envelope".
class PromptEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptEnvelope)
public:
    static constexpr QLatin1String kPrefix{"uaipenc:"};
    static constexpr int kVersion = 1;

    static bool isEnvelope(const QString &text) { return text.startsWith(kPrefix); }
    // The key id in the envelope's header; empty when text is not a well-formed envelope.
    static QString keyIdOf(const QString &text);
    static QByteArray associatedData(const QString &keyId, const QString &promptId, int version);

    // The envelope; CryptoFailure::wrongKey for a key that is not valid.
    static Result<QString> seal(const DataKey &key, const QString &plaintext,
                                const QString &promptId, int version);
    // Never returns text unless the key id matches and the tag verifies over the ciphertext,
    // the nonce and the associated data (promptId, version). The failure is a CryptoFailure:
    // malformed, unsupportedVersion, wrongKey or authenticationFailed.
    static Result<QString> open(const DataKey &key, const QString &envelope,
                                const QString &promptId, int version);
};

} // namespace uaip
