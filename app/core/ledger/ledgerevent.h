#pragma once

#include <QString>

namespace uaip {

// One row of uaip_migration_events: apply, rollback, baseline, repair or adopt, with its
// outcome.
struct LedgerEvent
{
    qint64 id = 0;
    QString version;
    QString name;
    QString action; // apply | rollback | baseline | repair | adopt
    QString outcome; // ok | failed | cancelled
    QString happenedAt;
    QString actor;
    QString client;
    int durationMs = 0;
    QString checksum;
    QString error;
    // adopt: the tool and the foreign row it took over ("TypeORM public.migrations id=3 ...")
    QString detail;
};

} // namespace uaip
