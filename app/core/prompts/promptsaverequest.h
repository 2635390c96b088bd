#pragma once

#include "promptcontent.h"

#include <QString>

namespace uaip {

// A new version of a prompt, as the editor or a restore asks for it.
struct PromptSaveRequest
{
    QString promptId; // the key (ai_prompts.prompt_id)
    // The newest version when editing started; when another console saved a newer one
    // meanwhile, the save is a Conflict.
    int expectedLatestVersion = 0;
    PromptContent content;
    QString changeNote; // required
    // Saving never moves a label: "production" (and with it current_version and the texts the
    // platform serves) stays where it is; only "latest" follows the new version. Promoting is
    // PromptLabels::move of "production".
};

// What a save wrote.
struct PromptSaveOutcome
{
    QString id; // ai_prompts.id
    int fromVersion = 0; // the newest version before the save
    int versionNo = 0; // the new version (now "latest")
    QString checksum;
};

} // namespace uaip
