#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// sandbox start|stop|status|env: the private PostgreSQL cluster.
class SandboxCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
