#pragma once

#include "db/connectionprofile.h"
#include "db/sessionspec.h"

#include <QList>
#include <QObject>

#include <optional>

class QMainWindow;

namespace uaip {

class ConnectionBar;
class ConnectionController;
class JobManager;
class MainViews;
class ProfileStore;
class SessionStatusLabels;
class UnsavedWorkGuard;
struct FleetTarget;

// The connection the window is on, from the profile chosen to the views' open sessions: asks
// before the views leave unsaved work, opens the profile (ConnectionController: sandbox,
// password), points the views at it, and keeps the connection bar, the window title and the
// status labels saying where it stands. What the start page shows is the window's: this says
// what happened (connecting, problem, opened).
class ConnectionFlow : public QObject
{
    Q_OBJECT
public:
    ConnectionFlow(QMainWindow *window, JobManager *jobs, const QString &sandboxDir,
                   ConnectionBar *bar, MainViews *views, const UnsavedWorkGuard &unsaved,
                   SessionStatusLabels &status);
    ~ConnectionFlow() override;

    ConnectionController *controller() const { return m_connections; }
    const ConnectionProfile &current() const { return m_current; }

    // The profiles offered: the local sandbox, then the stored ones; current is selected.
    void reloadProfiles(const QString &current);
    // The local sandbox's database from the next reloadProfiles() on (default "uaip"; a
    // --screenshot run's is a scratch database of its own).
    void setSandboxDatabase(const QString &database) { m_sandboxDatabase = database; }
    // Connects to a profile by name (ConnectionProfile::sandboxName() for the sandbox).
    void connectProfile(const QString &name);
    // Every session of the current connection closes and opens again.
    void reconnect();
    void stopSandbox();
    void editProfiles();
    // The start page's Connect: the switcher with the profiles, or the profile editor when
    // only the sandbox is known.
    void chooseConnection();

signals:
    void connected(const uaip::ConnectionProfile &profile);
    // A profile is being opened: what the start page says while it is up.
    void connecting(const QString &state);
    // The current profile could not be opened: why, and what to do.
    void problem(const QString &state);
    // The current profile's first session is open: the views, not the start page.
    void opened();
    // A view to show (MainWindow::View).
    void viewWanted(int view);

private:
    // The connection controller's answers: the views' target, the bar, messages, failures.
    void connectController();
    // The Migrations view's status reads: whether a session is open, and what it is.
    void connectMigrations();
    // Points every view at a database (std::nullopt: none; no session before the password is
    // known).
    void setTarget(const std::optional<SessionSpec> &spec);
    // The current profile's first session check: connected, or the start page with why not.
    void sessionChecked(bool open, const QString &why);
    // The Fleet view's target in the Migrations view (a session on its conninfo).
    void openFleetTarget(const FleetTarget &target);

    QMainWindow *m_window;
    JobManager *m_jobs;
    ConnectionBar *m_bar;
    MainViews *m_views;
    const UnsavedWorkGuard &m_unsaved; // asked before the views leave their database
    SessionStatusLabels &m_status; // server, database, user, latency
    ProfileStore *m_store;
    ConnectionController *m_connections; // profile -> session spec (keychain, sandbox)
    QList<ConnectionProfile> m_profiles;
    QString m_sandboxDatabase; // empty: the local sandbox's own ("uaip")
    ConnectionProfile m_current;
    std::optional<SessionSpec> m_spec; // the views' target
    bool m_sessionOk = false; // the current connection's last status read succeeded
    bool m_checking = false; // a target was set; its first status read has not answered yet
};

} // namespace uaip
