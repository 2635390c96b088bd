#pragma once

#include "db/connectionprofile.h"
#include "mainviews.h"
#include "unsavedworkguard.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QListWidget;
class QStackedWidget;

namespace uaip {

class ConnectionBar;
class ConnectionFlow;
class JobManager;
class JobPanel;
class SessionStatusLabels;
class ShellMenus;
class StartPage;

// uaip-admin's window: connection bar on top, the views in a side bar, the current view
// in the centre, the job panel as a dock, and server/database/user/latency in the status bar.
// It hosts the views (MainViews) and the connection they are on (ConnectionFlow); the views do
// the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum View {
        Migrations,
        Entities,
        Prompts,
        Analytics,
        Sql,
        Objects,
        Activity,
        Health,
        Fleet,
        ViewCount
    };

    struct Options
    {
        QString sandboxDir; // empty: Sandbox::defaultRootDir()
        QString migrationsDir; // empty: the bundled migrations
        bool startOnSandbox = false;
        // The sandbox's database (empty: "uaip"): --screenshot's scratch database, made when
        // the sandbox starts.
        QString sandboxDatabase;
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    MigrationsView *migrationsView() const { return m_views->migrations; }
    EntitiesView *entitiesView() const { return m_views->entities; }
    AnalyticsView *analyticsView() const { return m_views->analytics; }
    PromptsView *promptsView() const { return m_views->prompts; }
    SqlConsoleView *sqlView() const { return m_views->sql; }
    ObjectsView *objectsView() const { return m_views->objects; }
    ActivityView *activityView() const { return m_views->activity; }
    HealthView *healthView() const { return m_views->health; }
    FleetView *fleetView() const { return m_views->fleet; }
    JobManager *jobs() const { return m_jobs; }
    ConnectionBar *connectionBar() const { return m_bar; }
    JobPanel *jobPanel() const { return m_jobPanel; }
    // Shows view (also in place of the start page).
    void showView(View view);
    // The start page (connect / sandbox / quick tour): shown instead of the current view while
    // no connection was chosen; gone once one is, or a view is picked.
    StartPage *startPage() const { return m_start; }
    bool showsStartPage() const;
    // Gives the keyboard focus to the current view's first focusable widget, unless the focus
    // is in it already (its shortcuts work where it has the focus).
    void focusCurrentView();
    View currentView() const;
    static QString viewKey(View view); // "migrations", "entities", ...

    // Connects to a profile by name (ConnectionProfile::sandboxName() for the sandbox).
    void connectProfile(const QString &name);
    // F5: every view reads the database again (the Migrations status, the Entities tree and
    // page, the prompts and their encryption status, the charts' measures and panels, the SQL
    // completion names, the object tree, the activity, the health tab shown).
    void refreshAll();
    // Connection > Reconnect: every session of the current connection closes and opens again.
    void reconnect();
    ShellMenus *menus() const { return m_menus; }

signals:
    void connected(const ConnectionProfile &profile);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    static constexpr int kJobDockLines = 6; // the job dock's height on a first start
    void placeForFirstStart();
    // The side bar's entries and the stack of views, and what picking one does.
    void buildSidebar();
    // Connection bar over side bar and view; the job panel docked below.
    void buildLayout();
    void buildMenus();
    // The connection flow's news on the start page, and the views it asks for.
    void connectFlow();
    // Geometry, dock layout, view and profile of the last run (or the sandbox if asked to).
    void restoreSession();
    void leaveStartPage();
    // The start page, with a line about the connection (a problem: marked, with the offer to
    // edit the current profile).
    void showStartPage(const QString &state, bool problem = false);
    void showQuickTour();
    void showShortcuts();

    Options m_options;
    JobManager *m_jobs;
    ConnectionBar *m_bar;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    StartPage *m_start;
    MainViews *m_views;
    JobPanel *m_jobPanel;
    QDockWidget *m_jobDock;
    UnsavedWorkGuard m_unsaved; // asked before the views leave their database, and on close
    std::unique_ptr<SessionStatusLabels> m_status; // server, database, user, latency
    ConnectionFlow *m_flow = nullptr;
    ShellMenus *m_menus = nullptr;
    bool m_firstStart = false; // no saved window state: size the dock on the first show
};

} // namespace uaip
