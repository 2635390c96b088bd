#pragma once

#include "promptsummary.h"
#include "promptversion.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace uaip {

// One prompt with its history: the row, the version asked for (the current one by default)
// and every version (newest first, texts included only for the version asked for).
struct PromptDetail
{
    PromptSummary summary;
    QString description;
    QString versionLabel; // ai_prompts.version (semver)
    std::optional<QJsonObject> validationRules;
    QJsonObject metadata;
    PromptVersion version; // the version asked for, with its texts
    QList<PromptVersion> versions; // all, newest first; content texts left empty
};

} // namespace uaip
