#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights record [--keep 30d]: one sample of the workload history now (WorkloadHistory::record:
// the top statements' counters, the tables' sizes and tuples, the connections), the samples
// beyond the keep window pruned; exit 2 when pg_stat_statements is not ready (the tables and
// connections are recorded all the same, the error says how to enable it).
// insights history [--days N] [--query QUERYID] [--table NAME]: the series over the last days
// (WorkloadHistory::series) with the migrations applied and rolled back in them.
class InsightsHistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsHistoryCommand)

public:
    static int record(CliContext &ctx, const InsightsCapabilities &caps);
    static int history(CliContext &ctx, const InsightsCapabilities &caps);
};

} // namespace uaip
