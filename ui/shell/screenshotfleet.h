#pragma once

#include "screenshotpart.h"

namespace uaip {

// The Fleet view's part of the --screenshot tour: the view over the run's scratch database and
// three empty tenant databases made next to it (ScreenshotScratch::tenants, dropped with it; a
// targets file of its own, removed once the matrix is read), so the matrix shows applied and
// pending cells.
class ScreenshotFleet : public ScreenshotPart
{
    Q_OBJECT
public:
    using ScreenshotPart::ScreenshotPart;

    void start() override;

private:
    // The targets file: the sandbox's database as the canary, the tenants as a second wave
    // (empty: failed).
    QString writeTargets();
};

} // namespace uaip
