#pragma once

#include <QString>

#include <functional>

namespace uaip {

class EntitiesView;
class PromptsView;

// The views' work that pointing them at another database, or quitting, would lose: an edited
// prompt (Discard / Cancel) and staged row edits (Save / Discard / Cancel). The prompt is asked
// about first; a Cancel there asks nothing more.
class UnsavedWorkGuard
{
public:
    UnsavedWorkGuard(PromptsView *prompts, EntitiesView *entities);

    // Before the views leave their database for `action` (e.g. "Switching to prod"). True: go
    // on. afterSave runs once staged edits the user chose to save first are saved (then this
    // returned false).
    bool confirmLeave(const QString &action, std::function<void()> afterSave = {}) const;
    // Before quitting. True: quit now.
    bool confirmClose() const;

private:
    PromptsView *m_prompts;
    EntitiesView *m_entities;
};

} // namespace uaip
