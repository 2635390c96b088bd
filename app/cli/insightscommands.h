#pragma once

#include "db/dbresult.h"

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;
class PgConnection;
struct AdviceReport;
struct IndexAction;
struct IndexInfo;

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
// insights migrate INDEX [--name NAME] [--dry-run] [--bloat]: the proposed index INDEX, or the
// finding about the index INDEX ([schema.]name), as a proved no-transaction migration written
// into --dir (IndexMigrationBuilder; exit 3 when it cannot be made or proved);
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
    static constexpr int kAdvisedStatements = 20; // the top statements the advice tries
    static constexpr int kBloatReads = 10; // the biggest B-trees --bloat reads

    static int queries(CliContext &ctx, const InsightsCapabilities &caps);
    static int indexes(CliContext &ctx, const InsightsCapabilities &caps);
    static int tables(CliContext &ctx, const InsightsCapabilities &caps);
    static int connections(CliContext &ctx, const InsightsCapabilities &caps);
    static int enable(CliContext &ctx, const InsightsCapabilities &caps);
    static int since(CliContext &ctx, const InsightsCapabilities &caps);
    static int migrate(CliContext &ctx, const InsightsCapabilities &caps);
    // The index advice for the top statements; the reason there is none (*unavailable) when
    // it cannot be read.
    static DbResult<AdviceReport> advise(PgConnection &c, const InsightsCapabilities &caps,
                                         int statements, const QList<IndexInfo> &existing,
                                         QString *unavailable);

    // The actions INDEX ([schema.]name) names among the index findings, else among the
    // proposed indexes (the advice is read only then).
    static DbResult<QList<IndexAction>> actionsNamed(CliContext &ctx,
                                                     const InsightsCapabilities &caps,
                                                     const QString &wanted, QString *unavailable);
    // --limit's value (default fallback); 0 when it is not a positive number.
    static int limit(CliContext &ctx, int fallback);
    // The lines saying what this role or server cannot see, and a missing extension's fix.
    static void printLimits(CliContext &ctx, const InsightsCapabilities &caps,
                            const QStringList &extra = {});
};

} // namespace uaip
