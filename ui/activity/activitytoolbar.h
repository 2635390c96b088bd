#pragma once

#include <QToolBar>

class QAction;
class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace uaip {

// The Activity view's tool bar: Refresh, Pause and the refresh interval; the idle-in-transaction
// threshold; the sessions' filter; Cancel query, Terminate and All databases. It holds the
// controls, the view acts on them. Its key (Ctrl+F) is the view's own; F5 is the window's Refresh
// all.
class ActivityToolBar : public QToolBar
{
    Q_OBJECT
public:
    // view: the parent, whose keys the shortcuts are (WidgetWithChildrenShortcut).
    explicit ActivityToolBar(QWidget *view);

    QAction *refreshAction() const { return m_refresh; }
    QAction *pauseAction() const { return m_pause; }
    QSpinBox *intervalBox() const { return m_interval; }
    QSpinBox *idleBox() const { return m_idle; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *terminateAction() const { return m_terminate; }
    QCheckBox *allDatabasesBox() const { return m_allDatabases; }

    // Cancel, Terminate and All databases shown or hidden (never offered on a read-only
    // profile); All databases unchecked either way: other databases only when asked each time.
    void offerSessionActions(bool offered);
    // Cancel and Terminate enabled or not, with why not as their status tip.
    void enableSessionActions(bool enabled, const QString &why);

private:
    void addRefreshControls();
    void addIdleThreshold();
    void addFilter(QWidget *view);
    void addSessionActions();

    QAction *m_refresh;
    QAction *m_pause;
    QSpinBox *m_interval;
    QSpinBox *m_idle;
    QLineEdit *m_filter;
    QAction *m_cancel;
    QAction *m_terminate;
    QCheckBox *m_allDatabases;
};

} // namespace uaip
