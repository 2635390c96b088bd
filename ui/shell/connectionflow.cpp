#include "connectionflow.h"

#include "connections/connectionbar.h"
#include "connections/connectioncontroller.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "fleet/fleettargetprofile.h"
#include "fleet/fleetview.h"
#include "mainviews.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"
#include "sessionstatuslabels.h"
#include "unsavedworkguard.h"

#include <QComboBox>
#include <QMainWindow>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace uaip {

ConnectionFlow::ConnectionFlow(QMainWindow *window, JobManager *jobs, const QString &sandboxDir,
                               ConnectionBar *bar, MainViews *views,
                               const UnsavedWorkGuard &unsaved, SessionStatusLabels &status)
    : QObject(window)
    , m_window(window)
    , m_jobs(jobs)
    , m_bar(bar)
    , m_views(views)
    , m_unsaved(unsaved)
    , m_status(status)
    , m_store(new ProfileStore)
    , m_connections(new ConnectionController(jobs, sandboxDir, window))
{
    connectController();
    connectMigrations();
}

ConnectionFlow::~ConnectionFlow()
{
    delete m_store;
}

void ConnectionFlow::connectController()
{
    connect(m_bar, &ConnectionBar::profileChosen, this, &ConnectionFlow::connectProfile);
    connect(m_connections, &ConnectionController::targetChanged, this,
            [this](const std::optional<SessionSpec> &spec) {
                setTarget(spec);
                if (spec)
                    emit connected(m_current);
            });
    connect(m_connections, &ConnectionController::stateChanged, m_bar, &ConnectionBar::setCurrent);
    connect(m_connections, &ConnectionController::message, this,
            [this](const QString &text, int ms) { m_status.showMessage(text, ms); });
    connect(m_connections, &ConnectionController::sandboxFailed, this, [this](const QString &why) {
        emit problem(tr("The local sandbox did not start: %1").arg(why));
        QMessageBox::warning(m_window, tr("Local sandbox"), why);
    });
    // No password, no session: back to the start page, which says so.
    connect(m_connections, &ConnectionController::passwordCancelled, this,
            [this](const ConnectionProfile &profile) {
                m_checking = false;
                emit problem(tr("No password was given for %1, so nothing was opened. Connect "
                                "again, pick another profile, or edit this one.")
                                 .arg(profile.displayName()));
            });
}

void ConnectionFlow::connectMigrations()
{
    MigrationsView *migrations = m_views->migrations;
    connect(m_views->fleet, &FleetView::openTargetRequested, this,
            &ConnectionFlow::openFleetTarget);
    connect(m_views->fleet, &FleetView::openProfileRequested, this, [this](const QString &name) {
        emit viewWanted(MainWindow::Migrations);
        connectProfile(name);
    });
    connect(migrations, &MigrationsView::statusText, this,
            [this](const QString &text) { m_status.showMessage(text); });
    // The bar says "connected" only once a session is open: the status read answered.
    connect(migrations, &MigrationsView::refreshed, this, [this](bool ok) {
        m_sessionOk = ok;
        if (!ok && !m_current.sandbox)
            m_connections->forgetPassword(m_current.name); // perhaps a wrong password
    });
    connect(migrations, &MigrationsView::serverRole, m_bar, &ConnectionBar::setServerRole);
    connect(migrations, &MigrationsView::sessionChecked, this, &ConnectionFlow::sessionChecked);
    connect(migrations, &MigrationsView::sessionInfo, this,
            [this](const QString &version, int versionNum, const QString &db, const QString &user,
                   int ms) {
                m_window->setWindowTitle(tr("%1 – %2").arg(m_current.displayName(), db));
                m_status.setSession(version, versionNum, db, user, ms);
            });
}

void ConnectionFlow::sessionChecked(bool open, const QString &why)
{
    if (open) {
        m_bar->setCurrent(m_current, tr("connected"));
        emit opened(); // a session is open: the views
        m_checking = false;
        return;
    }
    m_bar->setCurrent(m_current, tr("not connected"));
    // The first answer for this profile: the start page says why and how to fix it. A session
    // lost later is the views' to report (a refresh says so); they stay.
    if (!m_checking)
        return;
    m_checking = false;
    emit problem(tr("Cannot connect to %1 (%2): %3")
                     .arg(m_current.displayName(),
                          m_current.sandbox ? tr("local sandbox") : m_current.describe(), why));
}

void ConnectionFlow::chooseConnection()
{
    // Only the sandbox known: a profile to add first; else the switcher with the profiles.
    if (m_profiles.size() <= 1)
        return editProfiles();
    m_bar->switcher()->setFocus(Qt::ShortcutFocusReason);
    m_bar->switcher()->showPopup();
}

void ConnectionFlow::reloadProfiles(const QString &current)
{
    m_profiles = {ConnectionProfile::localSandbox()};
    if (!m_sandboxDatabase.isEmpty())
        m_profiles.first().database = m_sandboxDatabase;
    m_profiles << m_store->load();
    m_bar->setProfiles(m_profiles, current);
    m_views->fleet->setProfiles(m_profiles, m_connections->passwords());
}

void ConnectionFlow::connectProfile(const QString &name)
{
    const auto it = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                 [&name](const ConnectionProfile &p) { return p.name == name; });
    if (it == m_profiles.cend()) {
        m_status.showMessage(tr("No connection profile named \"%1\".").arg(name));
        return;
    }
    // The profile in use, picked again: keep the session (no password, no reconnect).
    if (name == m_current.name && m_connections->isAwaitingPassword())
        return;
    if (name == m_current.name && m_views->migrations->isConnected() && m_sessionOk)
        return;
    // Staged edits belong to the database they were made on: never carried to another one;
    // an edited prompt is not saved anywhere else either.
    if (!m_unsaved.confirmLeave(tr("Switching to %1").arg(name),
                                [this, name] { connectProfile(name); })) {
        m_bar->setProfiles(m_profiles, m_current.name);
        return;
    }
    m_current = *it;
    // The start page stays up until a session is open (then the view), saying what happens.
    emit connecting(tr("Connecting to %1…").arg(m_current.displayName()));
    QSettings().setValue(QStringLiteral("session/profile"), name);
    m_status.clear();
    m_window->setWindowTitle(m_current.displayName());
    m_connections->open(m_current); // no target until the password is known
}

void ConnectionFlow::setTarget(const std::optional<SessionSpec> &spec)
{
    m_sessionOk = false;
    m_checking = spec.has_value();
    m_window->statusBar()->clearMessage();
    m_status.clear(); // the server, database and user of a session that is gone
    m_spec = spec;
    m_views->setTarget(spec);
}

void ConnectionFlow::reconnect()
{
    const std::optional<SessionSpec> spec = m_spec;
    if (!spec || !m_unsaved.confirmLeave(tr("Reconnecting")))
        return;
    setTarget(std::nullopt); // every session closes
    setTarget(spec);
}

void ConnectionFlow::openFleetTarget(const FleetTarget &target)
{
    const Result<ConnectionProfile> profile = FleetTargetProfile::from(target);
    if (!profile) {
        m_status.showMessage(tr("Cannot open %1: %2").arg(target.name, profile.error().toString()));
        return;
    }
    if (!m_unsaved.confirmLeave(tr("Switching to %1").arg(target.name)))
        return;
    m_current = *profile;
    m_status.clear();
    m_window->setWindowTitle(m_current.displayName());
    m_bar->setCurrent(m_current, tr("connecting"));
    // The password, if any, from .pgpass / PGPASSFILE as for the CLI: never in the file.
    setTarget(SessionSpec::from(m_current, QString(), QStringLiteral("migrations")));
    emit viewWanted(MainWindow::Migrations);
    emit connected(m_current);
}

void ConnectionFlow::stopSandbox()
{
    if (m_current.sandbox && !m_unsaved.confirmLeave(tr("Stopping the sandbox")))
        return;
    m_connections->stopSandbox();
}

void ConnectionFlow::editProfiles()
{
    ProfileDialog dialog(m_store, m_connections->passwords(), m_jobs, m_window);
    connect(&dialog, &ProfileDialog::saved, m_connections, &ConnectionController::forgetPassword);
    dialog.exec();
    reloadProfiles(m_current.name);
    m_connections->keepOnly(m_profiles);
    if (!m_current.sandbox && !m_current.name.isEmpty()) {
        m_sessionOk = false; // the profile may have changed: connect again
        connectProfile(m_current.name);
    }
}

} // namespace uaip
