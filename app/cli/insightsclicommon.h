#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

class CliContext;
class InsightsCapabilities;

// What the readings of `uaip-migrate insights` share: the --limit option, the notes on what
// this role or server cannot see, and the numbers as they print.
class InsightsCliCommon
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsCliCommon)

public:
    // --limit's value (default fallback); 0 when it is not a positive number.
    static int limit(CliContext &ctx, int fallback);
    // The lines saying what this role or server cannot see, and a missing extension's fix.
    static void printLimits(CliContext &ctx, const InsightsCapabilities &caps,
                            const QStringList &extra = {});
    // A share in percent with one decimal ("12.5%").
    static QString percent(double value);
};

} // namespace uaip
