#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// uaip-migrate fleet --targets FILE [--parallel N] [--canary K] [--max-failures F]
//   status | up [--to V] [--single-transaction] [--dry-run] | down ... | drift
class FleetCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
