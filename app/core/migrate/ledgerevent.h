#pragma once

#include <QString>

namespace uaip {

// One row of uaip_migration_events: apply, rollback, baseline or repair, with its outcome.
struct LedgerEvent
{
    qint64 id = 0;
    QString version;
    QString name;
    QString action; // apply | rollback | baseline | repair
    QString outcome; // ok | failed | cancelled
    QString happenedAt;
    QString actor;
    QString client;
    int durationMs = 0;
    QString checksum;
    QString error;
};

} // namespace uaip
