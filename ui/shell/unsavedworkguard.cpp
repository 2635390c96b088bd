#include "unsavedworkguard.h"

#include "browser/entitiesview.h"
#include "prompts/promptsview.h"

namespace uaip {

UnsavedWorkGuard::UnsavedWorkGuard(PromptsView *prompts, EntitiesView *entities)
    : m_prompts(prompts)
    , m_entities(entities)
{ }

bool UnsavedWorkGuard::confirmLeave(const QString &action, std::function<void()> afterSave) const
{
    return m_prompts->confirmLeave(action)
        && m_entities->confirmLeave(action, std::move(afterSave));
}

bool UnsavedWorkGuard::confirmClose() const
{
    // an edited prompt: Discard / Cancel; staged edits: Save / Discard / Cancel
    return m_prompts->confirmClose() && m_entities->confirmClose();
}

} // namespace uaip
