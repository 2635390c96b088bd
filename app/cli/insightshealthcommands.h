#pragma once

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;
class PgConnection;
struct AdviceReport;
struct IndexInfo;

// The catalog's health (InsightsCommands):
// insights indexes [--limit N] [--bloat]: index advice proven with hypothetical indexes
// (hypopg) for the top statements, then the unused, duplicate, covered and invalid indexes
// (and, with --bloat, the bloated B-trees: pgstatindex), each with its statement;
// insights tables [--limit N] [--bloat]: dead tuples, vacuum and analyze, what holds back the
// xmin horizon, wraparound headroom, sequences near their end (--bloat: pgstattuple_approx).
class InsightsHealthCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsHealthCommands)

public:
    static constexpr int kAdvisedStatements = 20; // the top statements the advice tries
    static constexpr int kBloatReads = 10; // the biggest B-trees --bloat reads

    static int indexes(CliContext &ctx, const InsightsCapabilities &caps);
    static int tables(CliContext &ctx, const InsightsCapabilities &caps);

    // The index advice for the top statements; the reason there is none (*unavailable) when
    // it cannot be read (insights migrate's proposed indexes too).
    static Result<AdviceReport> advise(PgConnection &c, const InsightsCapabilities &caps,
                                       int statements, const QList<IndexInfo> &existing,
                                       QString *unavailable);
};

} // namespace uaip
