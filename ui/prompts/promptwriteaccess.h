#pragma once

#include "prompts/promptdetail.h"
#include "prompts/promptsummary.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PromptTaskRunner;

// What the Prompts view lets the user change now, and why not. The profile: connected and not
// read-only. The open prompt: locked when its stored text is encrypted and this console has no
// key for it, tampered (locked too) when, with the key, a text fails authentication.
class PromptWriteAccess
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptWriteAccess)

public:
    // listed: the open prompt's row of the list (a default summary when it is not listed).
    PromptWriteAccess(const PromptTaskRunner &runner, const PromptDetail &detail,
                      const PromptSummary &listed);

    bool connected = false;
    bool writable = false; // connected and not read-only
    QString why; // why not writable
    bool locked = false;
    QString lockText; // "Locked: …" or "Tampered: …" with the reason
};

} // namespace uaip
