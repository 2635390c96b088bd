#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// One entry of the "prompts" array of a seed file (ai_prompts.json), validated.
struct PromptSeed
{
    int index = -1; // position in the file's "prompts" array
    QString promptId;
    QString name;
    QString description;
    QString promptType; // ai_prompts_prompt_type_enum
    QString modelPreference;
    double temperature = 0.7; // 0..1
    int maxTokens = 4096; // 1..200000
    QStringList audience;
    QString securityLevel; // security_level enum
    QString systemPrompt;
    std::optional<QString> userPromptTemplate;
    QStringList variables;
    std::optional<QJsonObject> validationRules;

    // What ai_prompts.metadata holds of the seed: audience, security_level, variables.
    QJsonObject metadata() const
    {
        return {{QStringLiteral("audience"), QJsonValue::fromVariant(audience)},
                {QStringLiteral("security_level"), securityLevel},
                {QStringLiteral("variables"), QJsonValue::fromVariant(variables)}};
    }
    // "prompts[2] (authenticity-analyzer-v1)"
    QString label() const { return QStringLiteral("prompts[%1] (%2)").arg(index).arg(promptId); }
};

} // namespace uaip
