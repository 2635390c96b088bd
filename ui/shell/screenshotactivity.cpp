#include "screenshotactivity.h"

#include "activity/activityview.h"
#include "activity/lockchaindemo.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"

#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace uaip {

ScreenshotActivity::ScreenshotActivity(MainWindow *window, Save save, QObject *parent)
    : ScreenshotPart(window, std::move(save), parent)
{ }

ScreenshotActivity::~ScreenshotActivity() = default;

void ScreenshotActivity::start()
{
    ActivityView *view = m_window->activityView();
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    if (target) {
        m_lockDemo = std::make_unique<LockChainDemo>();
        const Status started
            = m_lockDemo->start(target->profile.conninfo(target->password.value_or(QString())),
                                "SELECT id FROM personas ORDER BY id LIMIT 1 FOR UPDATE", 10000);
        if (!started)
            std::fprintf(stderr, "screenshot: activity: no lock chain: %s\n",
                         qPrintable(started.error().toString()));
    }
    view->setPaused(true);
    view->setIdleThresholdSeconds(1);
    view->tabs()->setCurrentIndex(ActivityView::ChainsTab);
    QTimer::singleShot(1500, this, [this, view] {
        connect(view, &ActivityView::refreshed, this, &ScreenshotActivity::onRefreshed,
                Qt::SingleShotConnection);
        view->refresh();
    });
}

void ScreenshotActivity::onRefreshed(bool ok)
{
    ActivityView *view = m_window->activityView();
    if (!ok)
        return emit failed(tr("activity: %1").arg(view->statusText()));
    const auto capture = [this] {
        QTimer::singleShot(0, this, [this] {
            const bool saved = m_save(m_window, MainWindow::viewKey(MainWindow::Activity));
            m_lockDemo.reset(); // B cancelled, A rolled back
            if (saved)
                emit done();
        });
    };
    // the last of the chain: A keeps its idle highlight
    if (!m_lockDemo || !view->selectPid(m_lockDemo->pid(2)))
        return capture();
    view->setAsker(
        [](QWidget *, const QString &, const QString &, bool typed, QString *) { return !typed; });
    // the refresh that follows the terminate, then the picture
    connect(
        view, &ActivityView::actionFinished, this,
        [this, view, capture] {
            connect(view, &ActivityView::refreshed, this, capture, Qt::SingleShotConnection);
        },
        Qt::SingleShotConnection);
    view->terminateSelected();
}

} // namespace uaip
