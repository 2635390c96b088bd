#pragma once

#include "screenshotpart.h"

#include <memory>

namespace uaip {

class LockChainDemo;

// The Activity view's part of the --screenshot tour: a real lock chain (LockChainDemo), three
// sessions on the first persona's row (SELECT ... FOR UPDATE, so nothing is written): A idle
// in its transaction, B waiting on A, C on B. A passes the idle-in-transaction threshold (1 s
// here) before the view reads the server. C is then terminated (confirmed here, a sandbox is
// no production) so the picture shows an outcome: in C's row, above the status line, in the
// job dock. The chain is rolled back after the picture.
class ScreenshotActivity : public ScreenshotPart
{
    Q_OBJECT
public:
    ScreenshotActivity(MainWindow *window, Save save, QObject *parent);
    ~ScreenshotActivity() override;

    void start() override;

private:
    // The view's first read answered: terminates C, then the picture.
    void onRefreshed(bool ok);

    std::unique_ptr<LockChainDemo> m_lockDemo;
};

} // namespace uaip
