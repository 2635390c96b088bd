#pragma once

#include <QString>

#include <optional>

namespace uaip {

// ai_prompt_versions.content_sha256: lowercase hex SHA-256 of the UTF-8 system prompt, then
// (when there is one) a U+001F unit separator and the UTF-8 user prompt template. Whoever
// writes versions (the seeder, the prompt editor) computes it here, so equal texts have equal
// digests.
class PromptDigest
{
public:
    static QString contentSha256(const QString &systemPrompt,
                                 const std::optional<QString> &userPromptTemplate);
};

} // namespace uaip
