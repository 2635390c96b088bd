#pragma once

#include "promptcontent.h"

#include <QString>

namespace uaip {

// A new version of a prompt, as the editor or a restore asks for it.
struct PromptSaveRequest
{
    QString promptId; // the key (ai_prompts.prompt_id)
    int expectedCurrentVersion = 0; // what the editor started from; another -> Conflict
    PromptContent content;
    QString changeNote; // required
    // Saving moves current_version, and with it the "production" label (see PromptLabels):
    // if that label is protected, the caller must confirm (typed database name on
    // production profiles) and set this.
    bool confirmProtected = false;
};

// What a save wrote.
struct PromptSaveOutcome
{
    QString id; // ai_prompts.id
    int fromVersion = 0;
    int versionNo = 0; // the new version
    QString checksum;
    QString versionLabel; // the semver label now on the ai_prompts row
};

} // namespace uaip
