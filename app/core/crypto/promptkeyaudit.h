#pragma once

#include "error/status.h"
#include "prompts/promptactor.h"

#include <QJsonObject>
#include <QString>

namespace uaip {

class PgConnection;

// The audit_logs rows of what happens to a database's data key and decrypted texts outside
// the database: key import and export, decrypted prompt exports. entity_type
// 'ai_prompt_encryption', entity_id the database uuid; new_values `values` (key id, file, ...);
// metadata the database user (current_user), the console user and application (PromptActor)
// and the profile (the console's connection profile, the CLI's target). Severity high.
class PromptKeyAudit
{
public:
    static constexpr const char *kKeyImport = "ai_prompt.key_import";
    static constexpr const char *kKeyExport = "ai_prompt.key_export";
    static constexpr const char *kDecryptedExport = "ai_prompt.export_decrypted";

    static Status record(PgConnection &connection, const QString &action, const QJsonObject &values,
                         const PromptActor &actor, const QString &profile);
};

} // namespace uaip
