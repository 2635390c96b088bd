#pragma once

#include "screenshotpart.h"

namespace uaip {

// The Objects view's part of the --screenshot tour: the sandbox database's public schema
// expanded, its Tables folder open with the personas table's parts (its Indexes open), and the
// function uaip_set_updated_at selected (its DDL, comment and dependencies shown); the picture
// once they are there, or after a few seconds, whatever the view shows then.
class ScreenshotObjects : public ScreenshotPart
{
    Q_OBJECT
public:
    // over: whether the tour has ended (failed) meanwhile: then no picture is taken.
    ScreenshotObjects(MainWindow *window, Save save, std::function<bool()> over, QObject *parent);

    void start() override;

private:
    std::function<bool()> m_over;
};

} // namespace uaip
