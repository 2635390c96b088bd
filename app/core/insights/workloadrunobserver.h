#pragma once

#include "ledger/runobserver.h"

#include <QCoreApplication>

namespace uaip {

// What an up run says of the live server and the workload it keeps before it applies
// anything (installed through MigrationRunOptions::observer by uaip-migrate, the GUI's
// Migrations view and the fleet):
// - a warning when the server has no connection slot left, and one for each session of the
//   run's database idle in a transaction (it holds its locks: a step that needs one waits for
//   it, retried, until it ends). Nothing is refused here: BlockingWorkGate and the lock
//   attempts decide;
// - the workload now (WorkloadSnapshots), kept in the ledger's schema for `insights since
//   VERSION` where the database has pg_stat_statements; said when it fails (the run goes on:
//   the snapshot is evidence, not part of the migration).
class WorkloadRunObserver : public RunObserver
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WorkloadRunObserver)
public:
    void beforeUp(PgConnection &connection, const QList<MigrationStatus> &plan,
                  const Say &say) override;

private:
    static void warnAboutHeadroom(PgConnection &connection, const Say &say);
    static void keepWorkloadSnapshot(PgConnection &connection, const QList<MigrationStatus> &plan,
                                     const Say &say);
};

} // namespace uaip
