#pragma once

#include "db/sessionspec.h"

#include "db/connectionprofile.h"
#include "unsavedworkguard.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QDockWidget;
class QListWidget;
class QStackedWidget;

namespace uaip {

class ConnectionBar;
class ConnectionController;
class JobManager;
class JobPanel;
class ActivityView;
class HealthView;
class FleetView;
struct FleetTarget;
class AnalyticsView;
class EntitiesView;
class MigrationsView;
class ObjectsView;
class PromptsView;
class SqlConsoleView;
class ProfileStore;
class SessionStatusLabels;
class ShellMenus;
class StartPage;

// uaip-admin's window: connection bar on top, the views in a side bar, the current view
// in the centre, the job panel as a dock, and server/database/user/latency in the status bar.
// It hosts the views and connects them to the session; the views do the work.
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
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    MigrationsView *migrationsView() const { return m_migrations; }
    EntitiesView *entitiesView() const { return m_entities; }
    AnalyticsView *analyticsView() const { return m_analytics; }
    PromptsView *promptsView() const { return m_prompts; }
    SqlConsoleView *sqlView() const { return m_sql; }
    ObjectsView *objectsView() const { return m_objects; }
    ActivityView *activityView() const { return m_activity; }
    HealthView *healthView() const { return m_health; }
    FleetView *fleetView() const { return m_fleet; }
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
    // The connection controller's answers: the views' target, the bar, messages, failures.
    void connectSession();
    // The views to each other, to the job dock, and the Migrations view's session reports.
    void connectViews();
    // The Objects view's requests to open an object in Entities or SQL.
    void connectObjectsView();
    // Geometry, dock layout, view and profile of the last run (or the sandbox if asked to).
    void restoreSession();
    void reloadProfiles(const QString &current);
    // Points every view at a database (std::nullopt: none; no session before the password is
    // known).
    void setTarget(const std::optional<SessionSpec> &spec);
    void stopSandbox();
    void editProfiles();
    void leaveStartPage();
    // The start page, with a line about the connection (a problem: marked, with the offer to
    // edit the current profile).
    void showStartPage(const QString &state, bool problem = false);
    // The current profile's first session check: connected, or the start page with why not.
    void sessionChecked(bool open, const QString &why);
    void chooseConnection();
    void showQuickTour();
    // The Fleet view's target in the Migrations view (a session on its conninfo).
    void openFleetTarget(const FleetTarget &target);
    // After a migration, a rollback or an adoption: what the views read from the catalog.
    void reloadCatalogs();
    void showShortcuts();

    Options m_options;
    JobManager *m_jobs;
    ProfileStore *m_store;
    ConnectionController *m_connections; // profile -> session spec (keychain, sandbox)
    ConnectionBar *m_bar;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    StartPage *m_start;
    MigrationsView *m_migrations;
    EntitiesView *m_entities;
    AnalyticsView *m_analytics;
    PromptsView *m_prompts;
    SqlConsoleView *m_sql;
    ObjectsView *m_objects;
    ActivityView *m_activity;
    HealthView *m_health;
    FleetView *m_fleet;
    JobPanel *m_jobPanel;
    QDockWidget *m_jobDock;
    UnsavedWorkGuard m_unsaved; // asked before the views leave their database, and on close
    std::unique_ptr<SessionStatusLabels> m_status; // server, database, user, latency
    QList<ConnectionProfile> m_profiles;
    ConnectionProfile m_current;
    std::optional<SessionSpec> m_spec; // the views' target
    ShellMenus *m_menus = nullptr;
    bool m_sessionOk = false; // the current connection's last status read succeeded
    bool m_checking = false; // a target was set; its first status read has not answered yet
    bool m_firstStart = false; // no saved window state: size the dock on the first show
};

} // namespace uaip
