#pragma once

#include "ledger/migrationstatus.h"

#include <QList>
#include <QString>
#include <functional>

namespace uaip {

class PgConnection;

// What a layer above the engine adds to an up run without the engine knowing it (the
// workload snapshot and the headroom warnings of insights/WorkloadRunObserver): called on the
// run's own session after every gate passed and the ledger is ready, before the first step.
// It may only read and keep evidence; say() adds a line to the run's messages. Nothing it does
// stops the run.
class RunObserver
{
public:
    using Say = std::function<void(const QString &)>;
    virtual ~RunObserver() = default;
    virtual void beforeUp(PgConnection &connection, const QList<MigrationStatus> &plan,
                          const Say &say)
        = 0;
};

} // namespace uaip
