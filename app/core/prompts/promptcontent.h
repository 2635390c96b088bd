#pragma once

#include <QString>

#include <cmath>
#include <optional>

namespace uaip {

// What one version of a prompt holds: the texts and the model parameters (plain text).
struct PromptContent
{
    QString systemPrompt;
    std::optional<QString> userPromptTemplate;
    QString modelPreference;
    double temperature = 0.7; // 0..1, two decimals in the database
    int maxTokens = 4096; // 1..200000

    bool sameParameters(const PromptContent &o) const
    {
        return modelPreference == o.modelPreference
            && std::llround(temperature * 100) == std::llround(o.temperature * 100)
            && maxTokens == o.maxTokens;
    }
    bool operator==(const PromptContent &o) const
    {
        return systemPrompt == o.systemPrompt && userPromptTemplate == o.userPromptTemplate
            && sameParameters(o);
    }
};

} // namespace uaip
