#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

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
    // Checks the subcommand and its options, connects, reads the capabilities and hands over to
    // the subcommand's class: InsightsQueriesCommand, InsightsHealthCommands (indexes, tables),
    // InsightsConnectionsCommand, InsightsSinceCommand, InsightsMigrateCommand,
    // InsightsEnableCommand.
    static int run(CliContext &ctx);
};

} // namespace uaip
