#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace uaip {

// One audit_logs row about a prompt.
struct PromptAuditEntry
{
    QString action; // ai_prompt.version, ai_prompt.restore, ai_prompt.label, ai_prompt.import, ...
    QString databaseUser;
    QString consoleUser;
    QJsonObject oldValues;
    QJsonObject newValues;
    QDateTime createdAt;
};

} // namespace uaip
