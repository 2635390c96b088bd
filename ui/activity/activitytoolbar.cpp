#include "activitytoolbar.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace uaip {

namespace {

constexpr int kDefaultIntervalSeconds = 5;
constexpr int kDefaultIdleSeconds = 60;

// The view's own keys (WidgetWithChildrenShortcut), named in the tooltip.
void addShortcut(QWidget *view, QAction *a, const QKeySequence &key, const QString &tip)
{
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    view->addAction(a);
}

} // namespace

ActivityToolBar::ActivityToolBar(QWidget *view)
    : QToolBar(view)
{
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addRefreshControls();
    addSeparator();
    addIdleThreshold();
    addSeparator();
    addFilter(view);
    addSeparator();
    addSessionActions();
}

void ActivityToolBar::addRefreshControls()
{
    m_refresh = addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"));
    // F5 is the window's Refresh all, which reads this view again too.
    m_refresh->setToolTip(tr("Read the server activity and the statistics again"));
    m_pause = addAction(QIcon::fromTheme(QStringLiteral("media-playback-pause")), tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop refreshing on its own (the list stays as it is)"));
    addWidget(new QLabel(tr(" every "), this));
    m_interval = new QSpinBox(this);
    m_interval->setRange(1, 3600);
    m_interval->setValue(kDefaultIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Refresh interval"));
    addWidget(m_interval);
}

void ActivityToolBar::addIdleThreshold()
{
    addWidget(new QLabel(tr("Idle in transaction over "), this));
    m_idle = new QSpinBox(this);
    m_idle->setRange(1, 24 * 3600);
    m_idle->setValue(kDefaultIdleSeconds);
    m_idle->setSuffix(tr(" s"));
    m_idle->setToolTip(tr("Sessions idle in a transaction longer than this are highlighted"));
    addWidget(m_idle);
}

void ActivityToolBar::addFilter(QWidget *view)
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("activityFilter"));
    m_filter->setPlaceholderText(tr("Filter (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(view->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 18);
    addWidget(m_filter);
    auto *focusFilter = new QAction(tr("Filter"), view);
    addShortcut(view, focusFilter, QKeySequence(Qt::CTRL | Qt::Key_F), tr("Filter the sessions"));
    connect(focusFilter, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); });
}

void ActivityToolBar::addSessionActions()
{
    m_cancel = addAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Cancel query…"));
    m_cancel->setToolTip(tr("Cancel the running statement of the selected session "
                            "(pg_cancel_backend)"));
    m_terminate = addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("Terminate…"));
    m_terminate->setToolTip(tr("End the selected session: its connection drops, its "
                               "transaction is rolled back (pg_terminate_backend)"));
    m_allDatabases = new QCheckBox(tr("All databases"), this);
    m_allDatabases->setObjectName(QStringLiteral("activityAllDatabases"));
    m_allDatabases->setToolTip(tr("Cancel and terminate sessions of the server's other databases "
                                  "too (the confirmation names the session's database). "
                                  "Without it only the connected database's sessions."));
    addWidget(m_allDatabases);
}

void ActivityToolBar::offerSessionActions(bool offered)
{
    m_cancel->setVisible(offered);
    m_terminate->setVisible(offered);
    m_allDatabases->setChecked(false);
    m_allDatabases->setVisible(offered);
}

void ActivityToolBar::enableSessionActions(bool enabled, const QString &why)
{
    m_cancel->setEnabled(enabled);
    m_terminate->setEnabled(enabled);
    m_cancel->setStatusTip(why);
    m_terminate->setStatusTip(why);
}

} // namespace uaip
