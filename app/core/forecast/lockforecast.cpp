#include "lockforecast.h"

namespace uaip {

void LockForecast::add(const RelationLock &lock)
{
    for (RelationLock &known : locks) {
        if (known.relation != lock.relation || known.ofIndexTable != lock.ofIndexTable)
            continue;
        if (static_cast<int>(lock.mode) > static_cast<int>(known.mode))
            known.mode = lock.mode;
        known.rewrites = known.rewrites || lock.rewrites;
        known.guessed = known.guessed && lock.guessed; // named for sure by either
        // a scan for anything but SET NOT NULL is not spared by a CHECK
        const bool otherScan = (known.scans && known.notNullColumns.isEmpty())
            || (lock.scans && lock.notNullColumns.isEmpty());
        known.notNullColumns
            = otherScan ? QStringList() : known.notNullColumns + lock.notNullColumns;
        known.scans = known.scans || lock.scans;
        known.notNullChecks += lock.notNullChecks;
        known.maybeRewrites = known.maybeRewrites || lock.maybeRewrites;
        known.typeChanges += lock.typeChanges;
        if (lock.indexBuild != RelationLock::IndexBuild::None)
            known.indexBuild = lock.indexBuild;
        if (!lock.indexName.isEmpty())
            known.indexName = lock.indexName;
        if (known.onlineForm.isEmpty())
            known.onlineForm = lock.onlineForm;
        else if (!lock.onlineForm.isEmpty() && !known.onlineForm.contains(lock.onlineForm))
            known.onlineForm += u' ' + lock.onlineForm;
        return;
    }
    locks.append(lock);
}

void LockForecast::note(const QString &text)
{
    if (!text.isEmpty() && !notes.contains(text))
        notes.append(text);
}

void LockForecast::markNotChecked(const QString &why)
{
    notChecked = true;
    note(why);
}

const RelationLock *LockForecast::find(const QString &relation) const
{
    for (const RelationLock &lock : locks) {
        if (lock.relation == relation)
            return &lock;
    }
    return nullptr;
}

} // namespace uaip
