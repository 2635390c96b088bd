#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights enable EXTENSION [--confirm DATABASE]: CREATE EXTENSION for one of the four
// InsightsCapabilities reads, confirmed with the database's name (InsightsCommands).
class InsightsEnableCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsEnableCommand)

public:
    static int run(CliContext &ctx, const InsightsCapabilities &caps);
};

} // namespace uaip
