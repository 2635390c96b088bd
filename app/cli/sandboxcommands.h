#pragma once

namespace uaip {

class CliContext;

// sandbox start|stop|status|env: the private PostgreSQL cluster.
class SandboxCommands
{
public:
    static int run(CliContext &ctx);
};

} // namespace uaip
