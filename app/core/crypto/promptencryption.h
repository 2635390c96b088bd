#pragma once

#include "datakey.h"
#include "promptconversionresult.h"
#include "promptencryptionstatus.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;
class TransactionGuard;

// Turns the encryption at rest of a database's system prompts on and off. enable() seals
// every ai_prompts.system_prompt and ai_prompt_versions.system_prompt with the data key
// (PromptEnvelope, bound to the prompt's uuid and version) and disable() opens them again,
// each in ONE transaction that also records the state (ai_prompt_encryption) and an
// audit_logs row: no new versions, the content checksums unchanged (migration 0014 checks
// them), and on any failure nothing is written. Both tables are locked against writers
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

private:
    PromptConversionResult convert(bool encrypt, const DataKey &key, const Options &options);
    PromptConversionResult rollback(TransactionGuard &tx, PromptConversionResult result);

    PgConnection &m_connection;
};

} // namespace uaip
