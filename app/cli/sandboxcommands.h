#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// sandbox start|stop|status|env [--pg MAJOR]: the private PostgreSQL cluster (one per major
// version: Sandbox::forMajor); sandbox install MAJOR...: a major's server programs.
class SandboxCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxCommands)

public:
    static int run(CliContext &ctx);

private:
    static int install(CliContext &ctx);
};

} // namespace uaip
