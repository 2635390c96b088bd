#pragma once

#include "screenshotpart.h"

#include <QSize>

namespace uaip {

// The Prompts view's part of the --screenshot tour: the editor with a draft (a {{variable}}
// with a sample value), the review dialog, the diff of the last two versions and the label
// history. The bundled prompts are seeded first when the sandbox has none (the dry run first,
// as a user sees it); a new version is saved through the review dialog and a label moved (the
// question answered Yes).
class ScreenshotPrompts : public ScreenshotPart
{
    Q_OBJECT
public:
    // size: the window's (the review dialog is sized after it).
    ScreenshotPrompts(MainWindow *window, Save save, QSize size, QObject *parent);

    void start() override;

private:
    void draft();
    void diff();

    QSize m_size;
};

} // namespace uaip
