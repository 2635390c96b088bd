#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class DemoDataLoader;
class PgConnection;
struct DemoLoadResult;
struct PromptSeedReport;

// seed prompts|initial|demo: the seed data of a platform database (PromptSeeder,
// InitialSeeder, DemoDataLoader). Exit codes: 0 ok, 1 failed while writing (rolled back) or
// cancelled, 2 bad usage or bad input (nothing written).
class SeedCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SeedCommands)

public:
    static int run(CliContext &ctx);

private:
    static int prompts(CliContext &ctx);
    static int initial(CliContext &ctx);
    // The admin password from a 0600 regular file (its final line break dropped); 0, or the
    // exit code after ctx.fail.
    static int readPasswordFile(CliContext &ctx, const QString &passwordFile, QString *password);
    static int demo(CliContext &ctx);

    // seed prompts: the counts of each action, and what the run did or would do.
    static void printCounts(CliContext &ctx, const PromptSeedReport &report, bool dryRun);

    struct DemoRequest;
    // seed demo: --scale, --seed-value and --end-time checked into *request: 0, or the exit
    // code of the refusal (reported).
    static int readDemoRequest(CliContext &ctx, DemoRequest *request);
    // Loads with a progress line at most every second and a line per table; SIGINT cancels.
    static DemoLoadResult loadWithProgress(CliContext &ctx, DemoDataLoader &loader);
    static void reportDemo(CliContext &ctx, const DemoRequest &request, PgConnection &connection,
                           const DemoLoadResult &r);
};

} // namespace uaip
