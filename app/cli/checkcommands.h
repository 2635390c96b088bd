#pragma once

namespace uaip {

class CliContext;

// validate, lint, verify: checks that change nothing.
class CheckCommands
{
public:
    static int validate(CliContext &ctx);
    static int lint(CliContext &ctx);
    static int verify(CliContext &ctx);
};

} // namespace uaip
