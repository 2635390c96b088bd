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
        m_lockReason = lookup.error;
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

PromptCodecResult EnvelopePromptCodec::decode(const QString &stored, const QString &promptId,
                                              int versionNo) const
{
    if (!isEncrypted(stored))
        return PromptCodecResult::success(stored);
    if (!m_key.isValid())
        return PromptCodecResult::failure(m_lockReason);
    const Result<QString> r = PromptEnvelope::open(m_key, stored, promptId, versionNo);
    if (r.ok())
        return PromptCodecResult::success(*r);
    // With the right key, an envelope that does not verify or parse was altered.
    if (CryptoFailure::is(r.error(), CryptoFailure::kAuthenticationFailed)
        || CryptoFailure::is(r.error(), CryptoFailure::kMalformed))
        return PromptCodecResult::tamperedText(tr("tampered: %1").arg(r.error().text()));
    return PromptCodecResult::failure(r.error().text());
}

PromptCodecResult EnvelopePromptCodec::encode(const QString &plain, const QString &promptId,
                                              int versionNo, const QString &keyId) const
{
    if (!m_key.isValid())
        return PromptCodecResult::failure(
            tr("encryption is on, but the text cannot be encrypted: %1").arg(m_lockReason));
    if (m_key.id() != keyId)
        return PromptCodecResult::failure(
            tr("encryption is on with key %1, but the keychain holds key %2; import key %1")
                .arg(keyId, m_key.id()));
    const Result<QString> r = PromptEnvelope::seal(m_key, plain, promptId, versionNo);
    return r.ok() ? PromptCodecResult::success(*r) : PromptCodecResult::failure(r.error().text());
}

PromptCodecResult
EnvelopePromptCodec::contentDigest(const QString &plain,
                                   const std::optional<QString> &userPromptTemplate,
                                   const QString &keyId) const
{
    if (!m_key.isValid() || m_key.id() != keyId)
        return PromptCodecResult::failure(
            tr("the digest of a text sealed with key %1 needs that key: %2")
                .arg(keyId,
                     m_lockReason.isEmpty() ? tr("the keychain holds key %1").arg(m_key.id())
                                            : m_lockReason));
    const QString digest = ContentDigest::keyed(m_key, plain, userPromptTemplate);
    return digest.isEmpty() ? PromptCodecResult::failure(tr("the content digest failed (OpenSSL)"))
                            : PromptCodecResult::success(digest);
}

} // namespace uaip
