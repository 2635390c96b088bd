#pragma once

#include <QString>

namespace uaip {

// One database's transaction id wraparound headroom: the age of its oldest unfrozen id and
// multixact, autovacuum_freeze_max_age, and the ids left before the server stops taking
// writes.
struct DatabaseWraparound
{
    QString database;
    qint64 xidAge = 0;
    qint64 mxidAge = 0;
    qint64 freezeMaxAge = 0;
    qint64 headroom = 0;
    bool allowsConnections = true;
};

} // namespace uaip
