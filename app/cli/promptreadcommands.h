#pragma once

namespace uaip {

class CliContext;

// prompts list|show|diff|history: what the prompt core reads, as text or --json. Exit codes:
// 0 ok, 1 the database refused, 2 bad usage, unknown prompt or version.
class PromptReadCommands
{
public:
    static int list(CliContext &ctx);
    static int show(CliContext &ctx);
    static int diff(CliContext &ctx);
    static int history(CliContext &ctx);
};

} // namespace uaip
