#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class FleetRunner;
struct FleetOptions;
struct FleetSummary;

// uaip-migrate fleet --targets FILE [--parallel N] [--canary K] [--max-failures F]
//   status | up [--to V] [--single-transaction] [--dry-run] | down ... | drift
class FleetCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetCommands)

public:
    static int run(CliContext &ctx);

private:
    // The subcommand and its options checked into *options: 0, or the exit code of the refusal
    // (reported).
    static int readOptions(CliContext &ctx, FleetOptions *options);
    // --to V, and down's --steps N or --all, as readOptions.
    static int readVersionOptions(CliContext &ctx, FleetOptions *options);
    // Runs the fleet, a line per target as it finishes; SIGINT/SIGTERM cancel the run.
    static void runInterruptible(CliContext &ctx, FleetRunner &runner);
    // The summary line and the JSON document; the exit code.
    static int report(CliContext &ctx, const FleetSummary &summary);
};

} // namespace uaip
