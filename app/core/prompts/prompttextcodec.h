#pragma once

#include "error/result.h"

#include <QLatin1String>
#include <QString>

#include <optional>

namespace uaip {

// The seam for encryption at rest of system prompt texts (ai_prompts.system_prompt and
// ai_prompt_versions.system_prompt). The prompt core never knows the cipher: it asks a codec.
//  - promptId is ai_prompts.id (the row's uuid, text form); versionNo is the
//    ai_prompt_versions.version_no of the text (for the ai_prompts row: its current_version).
//    Both are meant to be bound as associated data.
//  - Envelopes start with kEnvelopePrefix; isEncrypted() must decide from the stored value's
//    beginning: the list passes only the first kProbeLength characters, and only of stored
//    texts that start with kEnvelopePrefix (the list's query checks the prefix itself).
//  - encode() seals a plain text with the key keyId: the key id of the database's state row
//    (ai_prompt_encryption), which the store reads FOR SHARE inside its write transaction and
//    only when encryption is on there; while it is off the store keeps the plain text and never
//    asks the codec. A codec without that key fails (nothing is written).
//  - decode(), encode() and contentDigest() give the text, or an Error: Locked when the key is
//    not at hand (lockReason(), or the keychain holds another key); for an envelope that fails
//    authentication or does not parse (the stored text was changed behind the console's back)
//    decode()'s Error has the argument kTampered true (isTampered()); Internal when a library
//    refused a call.
//  - lockReason(): empty when decode() can work (the key is at hand), otherwise why not
//    ("no key for this database in the keychain"). Encrypted rows are then listed as
//    locked with that reason and cannot be edited or exported.
// Without a codec the store treats stored texts that start with kEnvelopePrefix as
// encrypted and lists them as locked ("encrypted; no key loaded").
class PromptTextCodec
{
public:
    static constexpr int kProbeLength = 64;
    // Stored texts that start with this are envelopes, whether or not a codec is at hand.
    static constexpr const char *kEnvelopePrefix = "uaipenc:";
    // The argument of decode()'s Error that says the envelope was altered (true).
    static constexpr QLatin1String kTampered{"tampered"};

    virtual ~PromptTextCodec() = default;

    virtual bool isEncrypted(const QString &stored) const = 0;
    virtual Result<QString> decode(const QString &stored, const QString &promptId,
                                   int versionNo) const = 0;
    virtual Result<QString> encode(const QString &plain, const QString &promptId, int versionNo,
                                   const QString &keyId) const = 0;
    virtual QString lockReason() const { return QString(); }
    // ai_prompt_versions.content_sha256 of a text sealed with key keyId: a digest keyed by
    // that key (so a known text's SHA-256 matches no encrypted row); fails without the key.
    virtual Result<QString> contentDigest(const QString &plain,
                                          const std::optional<QString> &userPromptTemplate,
                                          const QString &keyId) const = 0;

    // Without a codec: does a stored text look like an envelope?
    static bool looksEncrypted(const QString &stored)
    {
        return stored.startsWith(QLatin1String(kEnvelopePrefix));
    }
    // decode()'s Error for an altered envelope (kTampered)?
    static bool isTampered(const Error &error) { return error.arg(QString(kTampered)).toBool(); }
};

} // namespace uaip
