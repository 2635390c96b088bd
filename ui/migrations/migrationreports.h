#pragma once

#include "insights/workloadsince.h"

#include "ledger/migrationsource.h"
#include "ledger/migrationstatus.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The texts of the read-only checks: the SQL plan of a dry run and the validate report.
// Planning and checking are the core's (MigrationPlanner, MigrationValidator); this only words it.
class MigrationReports
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationReports)

public:
    // nullopt blockers: the plan; otherwise why applying would refuse (sql = false).
    // oneTransaction: as the run in one transaction would check and send it.
    // Workload since this migration: the regressions first, then every statement compared.
    static QString workloadSince(const WorkloadSince::Report &report);
    static QString dryRun(const QList<MigrationStatus> &statuses, bool oneTransaction, bool *sql);
    // The whole-plan check of applying everything pending (PlanChecker), one line per problem.
    static QStringList planProblems(const QList<MigrationStatus> &statuses,
                                    bool oneTransaction = false);
    // problems: how many were found.
    static QString validate(const MigrationSource &source, const QList<MigrationStatus> &statuses,
                            int *problems);
};

} // namespace uaip
