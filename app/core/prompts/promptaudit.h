#pragma once

#include "error/result.h"
#include "error/status.h"
#include "promptactor.h"
#include "promptauditentry.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace uaip {

class PgConnection;

// The prompts' trail in the platform's audit_logs: entity_type 'ai_prompts', entity_id the
// prompt's uuid, action 'ai_prompt.<what>', and metadata {"database_user", "console_user",
// "application"}. record() runs inside the caller's transaction.
class PromptAudit
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptAudit)
public:
    explicit PromptAudit(PgConnection &connection);

    Status record(const QString &promptUuid, const QString &action, const QJsonObject &oldValues,
                  const QJsonObject &newValues, const PromptActor &actor);
    // The same for another entity (entity_type, e.g. "personas").
    Status recordFor(const QString &entityType, const QString &uuid, const QString &action,
                     const QJsonObject &oldValues, const QJsonObject &newValues,
                     const PromptActor &actor);
    // After the user's typed-name confirmation (or the CLI's --confirm): moves, protects or
    // unprotects the protected label through ai_prompt_label_move() (migration 0021), which
    // writes the label and its own audit row and lets the rest of the caller's transaction move
    // that label (for "production": by publishing; versionNo and setProtected empty = only
    // that). The database name is passed as the confirmation.
    Status confirmProtected(const QString &promptId, const QString &label,
                            std::optional<int> versionNo, std::optional<bool> setProtected,
                            const PromptActor &actor);
    // Newest first.
    Result<QList<PromptAuditEntry>> entries(const QString &promptId);

    // Names the console user and the reason of label changes for the rest of the caller's
    // transaction (read by the label-history trigger); returns the database user.
    Result<QString> setSessionActor(const PromptActor &actor, const QString &reason);

private:
    PgConnection &m_connection;
};

} // namespace uaip
