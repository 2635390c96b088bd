#pragma once

#include "datakey.h"
#include "promptconversionresult.h"
#include "promptencryptionstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

class PgConnection;
class Transaction;

// Turns the encryption at rest of a database's system prompts on and off. enable() seals
// every ai_prompts.system_prompt and ai_prompt_versions.system_prompt with the data key
// (PromptEnvelope, bound to the prompt's uuid and version) and disable() opens them again,
// each in ONE transaction that also records the state (ai_prompt_encryption) and an
// audit_logs row: no new versions; a version's content_sha256 becomes the keyed digest of
// its text (ContentDigest) when sealed and the plain SHA-256 again when opened (migration 0019
// checks that one); on any failure nothing is written. Both tables are locked against writers
// (EXCLUSIVE: readers go on) while it runs.
class PromptEncryption
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptEncryption)
public:
    struct Options
    {
        QString consoleUser; // the OS user of the console / CLI, for the audit row
        QString client; // "uaip-migrate 0.1.0 on host", "uaip-admin ..."
        int lockTimeoutMs = 10000; // wait at most this long for writers of the prompt tables
    };

    explicit PromptEncryption(PgConnection &connection);

    PromptEncryptionStatus status();
    PromptConversionResult enable(const DataKey &key, const Options &options);
    PromptConversionResult disable(const DataKey &key, const Options &options);
    // The same with the keys of the ring: each envelope is opened with the key its id names.
    // In a mixed state (off, yet some texts are envelopes; PromptEncryptionStatus::mixed) this
    // is a repair: every envelope opened, the plain texts left as they are, the state stays off
    // (and keeps its key id), audited as a repair (migration 0020). A text sealed with a key not
    // in `keys` is an error naming the row, prompt, version and key id; nothing is changed.
    PromptConversionResult disable(const QList<DataKey> &keys, const Options &options);
    // Re-seals every envelope of oldKey (the key in use) as an envelope of newKey, envelope to
    // envelope, in ONE transaction through ai_prompt_encryption_begin_rotation() (migration
    // 0019), audited; the digests follow (ContentDigest under newKey).
    PromptConversionResult rotate(const DataKey &oldKey, const DataKey &newKey,
                                  const Options &options);

private:
    enum class Mode { Enable, Disable, Rotate };
    // keys: the keys a disable may open envelopes with (by key id); otherwise {key}.
    PromptConversionResult convert(Mode mode, const QList<DataKey> &keys, const DataKey &newKey,
                                   const Options &options);
    PromptConversionResult rollback(Transaction &tx, PromptConversionResult result);

    // The steps of convert(). A step that returns a result ends the conversion with it (after
    // the transaction was rolled back, once it was begun); nullopt: go on.
    struct Conversion; // what the steps share: the request, the state row, the texts
    using Stop = std::optional<PromptConversionResult>;
    static Stop checkKeys(const Conversion &run);
    Stop prepareStatements();
    Stop beginAndLock(Transaction &tx, const Options &options);
    Stop readState(Transaction &tx, Conversion &run);
    Stop readTexts(Transaction &tx, Conversion &run);
    Stop convertTexts(Transaction &tx, Conversion &run);
    Stop startConversion(Transaction &tx, const Conversion &run);
    Stop writeTexts(Transaction &tx, Conversion &run);
    Stop finishConversion(Transaction &tx, const Conversion &run);
    static PromptConversionResult doneResult(const Conversion &run);

    PgConnection &m_connection;
};

} // namespace uaip
