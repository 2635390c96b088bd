#pragma once

#include "screenshotpart.h"

namespace uaip {

// The Objects view's part of the --screenshot tour: the sandbox database's public schema
// expanded, its Tables folder open and the personas table selected (its DDL, dependencies and
// parts shown); the picture once they are there, or after a few seconds, whatever the view
// shows then.
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
