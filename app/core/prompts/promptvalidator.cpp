#include "promptvalidator.h"

#include "promptvariables.h"

#include <cmath>

namespace uaip {

QStringList PromptValidator::checkText(const QString &field, const QString &text)
{
    QStringList problems;
    const qsizetype nul = text.indexOf(QChar(u'\0'));
    if (nul >= 0)
        problems << tr("%1: contains a NUL character at position %2 (PostgreSQL text "
                       "cannot hold it)")
                        .arg(field)
                        .arg(nul + 1);
    const qsizetype bytes = text.toUtf8().size();
    if (bytes > kMaxTextBytes)
        problems << tr("%1: %2 bytes, more than the limit of 1 MiB (%3 bytes)")
                        .arg(field)
                        .arg(bytes)
                        .arg(kMaxTextBytes);
    if (!problems.isEmpty())
        return problems; // no point scanning an unusable text
    const PromptVariables vars(text);
    for (const PromptVariables::Problem &p : vars.problems())
        problems << QStringLiteral("%1:%2").arg(field, p.toString());
    return problems;
}

QStringList PromptValidator::check(const PromptContent &content)
{
    QStringList problems;
    if (content.systemPrompt.trimmed().isEmpty())
        problems << tr("system_prompt: must not be empty");
    problems << checkText(QStringLiteral("system_prompt"), content.systemPrompt);
    if (content.userPromptTemplate)
        problems << checkText(QStringLiteral("user_prompt_template"), *content.userPromptTemplate);
    if (content.modelPreference.trimmed().isEmpty())
        problems << tr("model_preference: must not be empty");
    else if (content.modelPreference.size() > kMaxModelLength)
        problems << tr("model_preference: %1 characters, at most %2")
                        .arg(content.modelPreference.size())
                        .arg(kMaxModelLength);
    if (!std::isfinite(content.temperature) || content.temperature < 0 || content.temperature > 1)
        problems << tr("temperature: %1 is outside 0..1").arg(content.temperature);
    if (content.maxTokens < 1 || content.maxTokens > kMaxTokens)
        problems << tr("max_tokens: %1 is outside 1..%2").arg(content.maxTokens).arg(kMaxTokens);
    return problems;
}

} // namespace uaip
