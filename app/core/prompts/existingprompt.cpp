#include "existingprompt.h"

#include "db/pgresult.h"
#include "promptseed.h"

#include <QJsonDocument>

#include <cmath>

namespace uaip {

namespace {

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

ExistingPrompt ExistingPrompt::fromRow(const PgResult &rows, int i)
{
    ExistingPrompt e;
    e.id = rows.value(i, "id");
    e.name = rows.value(i, "name");
    e.description = rows.value(i, "description");
    e.promptType = rows.value(i, "prompt_type");
    e.storedPrompt = rows.value(i, "system_prompt");
    const int t = rows.columnIndex("user_prompt_template");
    if (!rows.isNull(i, t))
        e.userPromptTemplate = rows.value(i, t);
    e.modelPreference = rows.value(i, "model_preference");
    e.temperature = rows.value(i, "temperature").toDouble();
    e.maxTokens = rows.value(i, "max_tokens").toInt();
    e.hasValidationRules = !rows.isNull(i, rows.columnIndex("validation_rules"));
    e.validationRules = parseObject(rows.value(i, "validation_rules"));
    e.metadata = parseObject(rows.value(i, "metadata"));
    e.versionLabel = rows.value(i, "version");
    e.currentVersion = rows.value(i, "current_version").toInt();
    e.maxVersion = rows.value(i, "max_version").toInt();
    e.active = rows.value(i, "is_active") == u't';
    e.productionProtected = rows.value(i, "production_protected") == u't';
    return e;
}

QStringList ExistingPrompt::changedText(const QString &systemPrompt, const PromptSeed &seed) const
{
    QStringList text;
    if (systemPrompt != seed.systemPrompt)
        text << QStringLiteral("system_prompt");
    if (userPromptTemplate != seed.userPromptTemplate)
        text << QStringLiteral("user_prompt_template");
    if (modelPreference != seed.modelPreference)
        text << QStringLiteral("model_preference");
    if (std::llround(temperature * 100) != std::llround(seed.temperature * 100))
        text << QStringLiteral("temperature");
    if (maxTokens != seed.maxTokens)
        text << QStringLiteral("max_tokens");
    return text;
}

QStringList ExistingPrompt::changedMetadata(const PromptSeed &seed) const
{
    QStringList meta;
    if (name != seed.name)
        meta << QStringLiteral("name");
    if (description != seed.description)
        meta << QStringLiteral("description");
    if (promptType != seed.promptType)
        meta << QStringLiteral("prompt_type");
    if (hasValidationRules != seed.validationRules.has_value()
        || (seed.validationRules && validationRules != *seed.validationRules))
        meta << QStringLiteral("validation_rules");
    const QJsonObject seedMeta = seed.metadata();
    for (auto m = seedMeta.constBegin(); m != seedMeta.constEnd(); ++m)
        if (metadata.value(m.key()) != m.value())
            meta << QStringLiteral("metadata.%1").arg(m.key());
    return meta;
}

} // namespace uaip
