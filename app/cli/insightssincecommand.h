#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// insights since VERSION: each statement of the workload snapshot `up` kept before it applied
// VERSION against the same statement now (mean time, calls, generic plan), regressions first
// (RegressionCheck; exit 3 when one regressed; InsightsCommands).
class InsightsSinceCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsSinceCommand)

public:
    static int run(CliContext &ctx, const InsightsCapabilities &caps);
};

} // namespace uaip
