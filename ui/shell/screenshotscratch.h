#pragma once

#include "error/status.h"

#include <QString>
#include <QStringList>

namespace uaip {

// The databases a --screenshot run renders from, all on the sandbox cluster and made for the
// run: a scratch database of its own (newName(): uaip_screenshot_<second made, 8 hex
// digits>_<8 random hex digits>, a name ScratchDatabase::sweep knows), migrated with the
// bundled migrations and given the demo data there, and the Fleet picture's three tenants
// (tenants(): the same second, the next random numbers). drop() removes them at the end of the
// run, also when it failed; what a killed run left goes with the next sweep. The database the
// user connects to (the sandbox's "uaip") is never opened for writing.
class ScreenshotScratch
{
public:
    static QString newName();
    // Whether database is one newName() makes (the one a screenshot run may write).
    static bool isScratch(const QString &database);
    // The tenant databases of scratch (uaip_screenshot_<s>_<r+1..3>), in tenantLabels()' order.
    static QStringList tenants(const QString &scratch);
    // The tenants' names in the Fleet picture: tenant-berlin, tenant-lisbon, tenant-oslo.
    static QStringList tenantLabels();
    // Drops scratch and its tenants (WITH (FORCE), IF EXISTS) when the sandbox in sandboxDir
    // runs, then sweeps what killed runs left; an error when one could not be dropped, and
    // (nothing dropped) when scratch is not a name newName() makes.
    static Status drop(const QString &sandboxDir, const QString &scratch);
};

} // namespace uaip
