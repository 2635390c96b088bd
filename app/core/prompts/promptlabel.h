#pragma once

#include <QDateTime>
#include <QString>

namespace uaip {

// A label of a prompt (ai_prompt_labels). "latest" is never stored: it is computed as the
// newest version_no. "production" is maintained with ai_prompts.is_active and
// current_version by the database (see migrations/0013_prompt_labels).
struct PromptLabel
{
    QString label;
    int versionNo = 0;
    bool isProtected = false;
    QDateTime movedAt;

    static QString latest() { return QStringLiteral("latest"); }
    static QString production() { return QStringLiteral("production"); }
};

// One row of ai_prompt_label_history: who moved which label from which version to which.
struct PromptLabelMove
{
    QString label;
    int fromVersion = 0; // 0 = the label was created
    int toVersion = 0; // 0 = the label was removed
    QString databaseUser;
    QString consoleUser;
    QString reason; // "label", "save", "restore", "import", "deactivate", ...
    QDateTime movedAt;
};

} // namespace uaip
