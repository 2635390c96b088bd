#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights queries [--order total|mean] [--limit N]: the top statements (pg_stat_statements);
// insights indexes [--limit N] [--bloat]: index advice proven with hypothetical indexes
// (hypopg) for the top statements, then the unused, duplicate, covered and invalid indexes
// (and, with --bloat, the bloated B-trees: pgstatindex), each with its statement;
// insights tables [--limit N] [--bloat]: dead tuples, vacuum and analyze, what holds back the
// xmin horizon, wraparound headroom, sequences near their end (--bloat: pgstattuple_approx);
// insights connections: the slots left and who holds them, sessions idle in a transaction;
// insights since VERSION: each statement of the workload snapshot `up` kept before it applied
// VERSION against the same statement now (mean time, calls, generic plan), regressions first
// (RegressionCheck; exit 3 when one regressed);
// insights enable EXTENSION [--confirm DATABASE]: CREATE EXTENSION for one of the four.
// Every reading is read-only and says what it cannot see (a missing extension: how to enable
// it). The core classes are the Health view's (insights/). Exit codes: 0 read, 1 the read
// failed, 2 bad usage or refused, 3 a regression found (since).
class InsightsCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsCommands)

public:
    static int run(CliContext &ctx);

private:
    static int queries(CliContext &ctx, const InsightsCapabilities &caps);
    static int indexes(CliContext &ctx, const InsightsCapabilities &caps);
    static int tables(CliContext &ctx, const InsightsCapabilities &caps);
    static int connections(CliContext &ctx, const InsightsCapabilities &caps);
    static int enable(CliContext &ctx, const InsightsCapabilities &caps);
    static int since(CliContext &ctx, const InsightsCapabilities &caps);
    // --limit's value (default fallback); 0 when it is not a positive number.
    static int limit(CliContext &ctx, int fallback);
    // The lines saying what this role or server cannot see, and a missing extension's fix.
    static void printLimits(CliContext &ctx, const InsightsCapabilities &caps,
                            const QStringList &extra = {});
};

} // namespace uaip
