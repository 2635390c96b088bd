#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace uaip {

class MainWindow;

// A part of the --screenshot tour with a class of its own (a view that takes more than one
// step to show: ScreenshotPrompts, ScreenshotObjects, ScreenshotActivity, ScreenshotFleet).
// ScreenshotDirector starts it and goes on with the next view once it is done.
class ScreenshotPart : public QObject
{
    Q_OBJECT
public:
    // Takes a picture of widget as name; false: the tour failed (and says why).
    using Save = std::function<bool(QWidget *widget, const QString &name)>;

    ScreenshotPart(MainWindow *window, Save save, QObject *parent);

    virtual void start() = 0;

signals:
    // The pictures are taken: the tour goes on.
    void done();
    void failed(const QString &why);

protected:
    MainWindow *const m_window;
    const Save m_save;
};

} // namespace uaip
