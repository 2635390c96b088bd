#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights queries [--order total|mean] [--limit N]: the top statements of the database
// by total or mean time (pg_stat_statements), with what that reading leaves out (InsightsCommands).
class InsightsQueriesCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsQueriesCommand)

public:
    static int run(CliContext &ctx, const InsightsCapabilities &caps);
};

} // namespace uaip
