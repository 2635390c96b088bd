#include "promptwriteaccess.h"

#include "prompttaskrunner.h"

namespace uaip {

PromptWriteAccess::PromptWriteAccess(const PromptTaskRunner &runner, const PromptDetail &detail,
                                     const PromptSummary &listed)
    : connected(runner.isConnected())
{
    const QString readOnly = runner.readOnlyReason();
    writable = connected && readOnly.isEmpty();
    why = !connected ? tr("Not connected.") : readOnly;
    // Tampered: with the key, the version's or the served text fails authentication.
    const bool tampered = detail.version.tampered || detail.summary.tampered || listed.tampered;
    // Locked: the stored text is encrypted and this console has no key for it.
    locked = tampered || detail.version.locked || listed.locked;
    const QString lockReason = detail.version.locked ? detail.version.lockReason
        : detail.summary.locked                      ? detail.summary.lockReason
                                                     : listed.lockReason;
    lockText = tampered ? tr("Tampered: %1").arg(lockReason) : tr("Locked: %1").arg(lockReason);
}

} // namespace uaip
