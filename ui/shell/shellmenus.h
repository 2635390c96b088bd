#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QListWidget;
class QMainWindow;

namespace uaip {

class ConnectionBar;
class MigrationActions;

// The window's menu bar: Connection (switch, edit profiles, reconnect, start and stop the local
// sandbox, quit), View (Refresh all, an entry per side bar view, the job dock, the language),
// Migrations (the Migrations view's actions, reachable from every view) and Help (quick tour,
// keyboard shortcuts, about). What needs the window's state is asked for with a signal; the
// window acts on it.
class ShellMenus : public QObject
{
    Q_OBJECT
public:
    // Fills window's menu bar; the View menu takes the side bar's entries (icon and name).
    ShellMenus(QMainWindow *window, ConnectionBar *bar, QListWidget *sidebar, QDockWidget *jobDock,
               MigrationActions *migrations);

    QAction *refreshAllAction() const { return m_refreshAll; }
    QAction *reconnectAction() const { return m_reconnect; }
    QAction *stopSandboxAction() const { return m_stopSandbox; }
    // Stop is offered while the sandbox may run (unknown at start: the CLI may have started it).
    void setSandboxRunning(bool running);

signals:
    void refreshAllRequested();
    void reconnectRequested();
    void quickTourRequested();
    void shortcutsRequested();
    void editProfilesRequested();
    void startSandboxRequested();
    void stopSandboxRequested();
    void viewRequested(int row); // the side bar row of the view
    void aboutRequested();

private:
    void buildConnectionMenu(QMainWindow *window, ConnectionBar *bar);
    void buildViewMenu(QMainWindow *window, QListWidget *sidebar, QDockWidget *jobDock);
    static void buildMigrationsMenu(QMainWindow *window, MigrationActions *a);
    void buildHelpMenu(QMainWindow *window);

    QAction *m_refreshAll = nullptr;
    QAction *m_reconnect = nullptr;
    QAction *m_stopSandbox = nullptr;
};

} // namespace uaip
