#pragma once

#include "error/error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace uaip {

// The encryption state a database records (ai_prompt_encryption) and how its system prompts
// are stored right now.
struct PromptEncryptionStatus
{
    bool enabled = false;
    QString keyId; // of the key in use (or last used)
    QDateTime changedAt;
    QString changedBy;
    qint64 encryptedPrompts = 0; // ai_prompts rows holding an envelope
    qint64 plainPrompts = 0;
    qint64 encryptedVersions = 0; // ai_prompt_versions rows holding an envelope
    qint64 plainVersions = 0;
    QStringList envelopeKeyIds; // the key ids the envelopes name (sorted, each once)
    Error error;

    bool ok() const { return !error.isSet(); }
    qint64 envelopes() const { return encryptedPrompts + encryptedVersions; }
    // Off, yet some texts are envelopes (a database stuck before migration 0018, or by someone
    // who disabled its triggers): a disable repairs it (PromptEncryption::disable).
    bool mixed() const { return ok() && !enabled && envelopes() > 0; }
};

} // namespace uaip
