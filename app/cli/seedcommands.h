#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

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
    static int demo(CliContext &ctx);
};

} // namespace uaip
