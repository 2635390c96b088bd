#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights connections: the connection slots left and who holds them, grouped by database,
// application and state, and the sessions idle in a transaction (InsightsCommands).
class InsightsConnectionsCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsConnectionsCommand)

public:
    static int run(CliContext &ctx, const InsightsCapabilities &caps);
};

} // namespace uaip
