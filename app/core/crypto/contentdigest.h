#pragma once

#include "datakey.h"

#include <QString>

#include <optional>

namespace uaip {

// ai_prompt_versions.content_sha256 of an encrypted version: HMAC-SHA256 over the same bytes
// as PromptDigest (the UTF-8 system prompt, then 0x1f and the user prompt template when there
// is one) under a key derived from the data key with HKDF-SHA256 (no salt, info
// "uaip-content-digest:1"), as 64 lowercase hex digits. Without the data key it cannot be
// computed, so hashing a known text (the bundled seed file) matches no encrypted row. Plain
// versions keep PromptDigest's SHA-256. Empty when OpenSSL fails.
class ContentDigest
{
public:
    static QString keyed(const DataKey &key, const QString &systemPrompt,
                         const std::optional<QString> &userPromptTemplate);
};

} // namespace uaip
