#pragma once

#include "lockattempt.h"

#include <QJsonArray>
#include <QList>

namespace uaip {

// RunResult::lockAttempts as uaip-migrate's --json gives them (lock_attempts[], also per fleet
// target): each attempt at a table lock that gave up, with who held the lock.
class LockAttemptJson
{
public:
    static QJsonArray of(const QList<LockAttempt> &attempts);
};

} // namespace uaip
