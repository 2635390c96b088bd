#pragma once

#include "datakey.h"
#include "datakeylookup.h"
#include "promptencryptionstatus.h"
#include "prompts/prompttextcodec.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The prompt core's PromptTextCodec with PromptEnvelope and the database's data key.
// encode(): an envelope with the key the store read from ai_prompt_encryption in its write
// transaction (refused when the keychain's key is another one); decode(): opens envelopes,
// passes plain text through. Without the key (or with another key than the one the database
// uses) lockReason() says why, and encrypted texts stay locked.
class EnvelopePromptCodec : public PromptTextCodec
{
    Q_DECLARE_TR_FUNCTIONS(uaip::EnvelopePromptCodec)
public:
    // status: PromptEncryption::status(); lookup: DataKeyStore's answer for the database's
    // identity (KeychainIdentity), or an empty lookup when the keychain was not asked.
    EnvelopePromptCodec(const PromptEncryptionStatus &status, const DataKeyLookup &lookup);

    bool isEncrypted(const QString &stored) const override;
    Result<QString> decode(const QString &stored, const QString &promptId,
                           int versionNo) const override;
    Result<QString> encode(const QString &plain, const QString &promptId, int versionNo,
                           const QString &keyId) const override;
    Result<QString> contentDigest(const QString &plain,
                                  const std::optional<QString> &userPromptTemplate,
                                  const QString &keyId) const override;
    QString lockReason() const override { return m_lockReason; }

    bool encryptionOn() const { return m_enabled; }
    QString keyId() const { return m_key.id(); }

private:
    bool m_enabled = false;
    DataKey m_key;
    QString m_lockReason;
};

} // namespace uaip
