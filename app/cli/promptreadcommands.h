#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// prompts list|show|diff|history: what the prompt core reads, as text or --json. Exit codes:
// 0 ok, 1 the database refused, 2 bad usage, unknown prompt or version.
class PromptReadCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptReadCommands)

public:
    static int list(CliContext &ctx);
    static int show(CliContext &ctx);
    static int diff(CliContext &ctx);
    static int history(CliContext &ctx);
};

} // namespace uaip
