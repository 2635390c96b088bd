#include "envelopepromptcodec.h"

#include "contentdigest.h"
#include "cryptofailure.h"
#include "promptenvelope.h"

namespace uaip {

EnvelopePromptCodec::EnvelopePromptCodec(const PromptEncryptionStatus &status,
                                         const DataKeyLookup &lookup)
    : m_enabled(status.enabled)
{
    if (!lookup.ok())
        m_lockReason = lookup.status.error().toString();
    else if (!lookup.found)
        //: keep the command "uaip-migrate prompts key import F" as it is
        m_lockReason = tr("no key for this database in the keychain; import it with "
                          "uaip-migrate prompts key import F");
    else if (!status.keyId.isEmpty() && status.enabled && lookup.key.id() != status.keyId)
        m_lockReason = tr("the keychain holds key %1, but the prompts are encrypted "
                          "with key %2; import key %2")
                           .arg(lookup.key.id(), status.keyId);
    else
        m_key = lookup.key;
}

bool EnvelopePromptCodec::isEncrypted(const QString &stored) const
{
    return PromptEnvelope::isEnvelope(stored);
}

Result<QString> EnvelopePromptCodec::decode(const QString &stored, const QString &promptId,
                                            int versionNo) const
{
    if (!isEncrypted(stored))
        return stored;
    if (!m_key.isValid())
        return Error(ErrorCode::Locked, m_lockReason);
    const Result<QString> r = PromptEnvelope::open(m_key, stored, promptId, versionNo);
    if (r.ok())
        return r;
    // With the right key, an envelope that does not verify or parse was altered.
    const Error &e = r.error();
    if (CryptoFailure::is(e, CryptoFailure::kAuthenticationFailed)
        || CryptoFailure::is(e, CryptoFailure::kMalformed))
        return Error(e.code(), tr("tampered: %1").arg(e.text()), e.args())
            .with(QString(kTampered), true);
    return e;
}

Result<QString> EnvelopePromptCodec::encode(const QString &plain, const QString &promptId,
                                            int versionNo, const QString &keyId) const
{
    if (!m_key.isValid())
        return Error(
            ErrorCode::Locked,
            tr("encryption is on, but the text cannot be encrypted: %1").arg(m_lockReason));
    if (m_key.id() != keyId)
        return Error(
            ErrorCode::Locked,
            tr("encryption is on with key %1, but the keychain holds key %2; import key %1")
                .arg(keyId, m_key.id()));
    return PromptEnvelope::seal(m_key, plain, promptId, versionNo);
}

Result<QString> EnvelopePromptCodec::contentDigest(const QString &plain,
                                                   const std::optional<QString> &userPromptTemplate,
                                                   const QString &keyId) const
{
    if (!m_key.isValid() || m_key.id() != keyId)
        return Error(ErrorCode::Locked,
                     tr("the digest of a text sealed with key %1 needs that key: %2")
                         .arg(keyId,
                              m_lockReason.isEmpty()
                                  ? tr("the keychain holds key %1").arg(m_key.id())
                                  : m_lockReason));
    const QString digest = ContentDigest::keyed(m_key, plain, userPromptTemplate);
    if (digest.isEmpty())
        return Error(ErrorCode::Internal, tr("the content digest failed (OpenSSL)"));
    return digest;
}

} // namespace uaip
