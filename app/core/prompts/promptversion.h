#pragma once

#include "promptcontent.h"

#include <QDateTime>
#include <QString>

namespace uaip {

// One row of ai_prompt_versions (immutable), decoded when a codec could.
struct PromptVersion
{
    int versionNo = 0;
    PromptContent content; // systemPrompt empty when locked
    QString author; // database user who wrote it
    // What the row named instead when a role other than the owner wrote it (migration 0023 sets
    // author and createdAt from the session and keeps these apart): empty / invalid when it
    // claimed nothing else.
    QString claimedAuthor;
    QDateTime claimedCreatedAt;
    QString changeNote;
    QString checksum; // content_sha256
    QDateTime createdAt;
    bool locked = false; // encrypted and no key: content.systemPrompt is not available
    bool tampered = false; // locked because the envelope fails authentication (with the key)
    QString lockReason;

    bool claimed() const { return !claimedAuthor.isEmpty() || claimedCreatedAt.isValid(); }
};

} // namespace uaip
