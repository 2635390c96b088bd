#include "screenshotpart.h"

namespace uaip {

ScreenshotPart::ScreenshotPart(MainWindow *window, Save save, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_save(std::move(save))
{ }

} // namespace uaip
