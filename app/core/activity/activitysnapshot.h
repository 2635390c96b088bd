#pragma once

#include "activitysession.h"
#include "lockwait.h"

#include <QList>
#include <QString>

namespace uaip {

// What the server does right now: its client sessions and the locks they wait for.
struct ActivitySnapshot
{
    QList<ActivitySession> sessions;
    QList<LockWait> waits;
    QString database; // the database the snapshot was read through

    const ActivitySession *session(int pid) const;
    // The first lock pid waits for, or nullptr.
    const LockWait *waitOf(int pid) const;
};

} // namespace uaip
