#include "mainwindow.h"

#include "aboutdialog.h"
#include "activity/activityview.h"
#include "analytics/analyticsview.h"
#include "browser/entitiesview.h"
#include "connections/connectionbar.h"
#include "connections/connectioncontroller.h"
#include "connections/profiledialog.h"
#include "connections/profilestore.h"
#include "db/sandbox.h"
#include "fleet/fleettargetprofile.h"
#include "fleet/fleetview.h"
#include "health/healthview.h"
#include "jobs/jobmanager.h"
#include "jobs/jobpanel.h"
#include "migrations/migrationsview.h"
#include "objects/objectsview.h"
#include "prompts/promptsview.h"
#include "quicktourdialog.h"
#include "sessionstatuslabels.h"
#include "shellmenus.h"
#include "shortcutsdialog.h"
#include "sidebarentries.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"
#include "startpage.h"
#include "unsavedworkguard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace uaip {

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_jobs(new JobManager(this))
    , m_store(new ProfileStore)
    , m_bar(new ConnectionBar(this))
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_start(new StartPage(this))
    , m_migrations(new MigrationsView(m_jobs, this))
    , m_entities(new EntitiesView(this))
    , m_analytics(new AnalyticsView(this))
    , m_prompts(new PromptsView(this))
    , m_sql(new SqlConsoleView(this))
    , m_objects(new ObjectsView(this))
    , m_activity(new ActivityView(this))
    , m_health(new HealthView(this))
    , m_fleet(new FleetView(m_jobs, this))
    , m_jobPanel(new JobPanel(m_jobs, this))
    , m_jobDock(new QDockWidget(tr("Jobs"), this))
    , m_unsaved(m_prompts, m_entities)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("UAIP Admin"));
    if (m_options.sandboxDir.isEmpty())
        m_options.sandboxDir = Sandbox::defaultRootDir();
    m_connections = new ConnectionController(m_jobs, m_options.sandboxDir, this);
    m_migrations->setSandboxDir(m_options.sandboxDir);
    if (!m_options.migrationsDir.isEmpty()) {
        m_migrations->setMigrationsDir(m_options.migrationsDir);
        m_fleet->setMigrationsDir(m_options.migrationsDir);
    }

    buildSidebar();
    buildLayout();
    buildMenus();
    m_status = std::make_unique<SessionStatusLabels>(this);
    connectSession();
    connectViews();
    restoreSession();
}

void MainWindow::buildSidebar()
{
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(fontMetrics().height() * 2, fontMetrics().height() * 2));
    SidebarEntries::addTo(m_sidebar);
    QWidget *const pages[ViewCount] = {m_migrations, m_entities, m_prompts, m_analytics, m_sql,
                                       m_objects,    m_activity, m_health,  m_fleet};
    for (QWidget *page : pages)
        m_stack->addWidget(page);
    m_stack->addWidget(m_start); // after the views: index ViewCount
    m_sidebar->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 14);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // A view's status-bar message is about that view and that database: gone with either.
    connect(m_sidebar, &QListWidget::currentRowChanged, statusBar(), &QStatusBar::clearMessage);
    // A view chosen with the mouse takes the keyboard focus, so its shortcuts (which are its
    // own: WidgetWithChildrenShortcut) work at once; arrow keys in the side bar keep it there.
    // A click on the view already selected leaves the start page for it.
    connect(m_sidebar, &QListWidget::itemClicked, this, [this] {
        leaveStartPage();
        focusCurrentView();
    });
    connect(m_start, &StartPage::connectRequested, this, &MainWindow::chooseConnection);
    connect(m_start, &StartPage::sandboxRequested, this,
            [this] { connectProfile(ConnectionProfile::sandboxName()); });
    connect(m_start, &StartPage::tourRequested, this, &MainWindow::showQuickTour);
    connect(m_start, &StartPage::editRequested, this, &MainWindow::editProfiles);
}

void MainWindow::buildLayout()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    auto *split = new QSplitter(Qt::Horizontal, central);
    split->addWidget(m_sidebar);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    // The side bar at its (maximum) width, the view the rest: left to its size hint, the
    // splitter would leave an empty band beside the capped side bar.
    split->setSizes({m_sidebar->maximumWidth(), QWIDGETSIZE_MAX / 2});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    m_jobDock->setObjectName(QStringLiteral("jobDock"));
    m_jobDock->setWidget(m_jobPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobDock);
}

void MainWindow::buildMenus()
{
    auto *menus = new ShellMenus(this, m_bar, m_sidebar, m_jobDock, m_migrations->actions());
    connect(menus, &ShellMenus::editProfilesRequested, this, &MainWindow::editProfiles);
    connect(menus, &ShellMenus::startSandboxRequested, this,
            [this] { connectProfile(ConnectionProfile::sandboxName()); });
    connect(menus, &ShellMenus::stopSandboxRequested, this, &MainWindow::stopSandbox);
    connect(menus, &ShellMenus::viewRequested, this, [this](int row) {
        showView(View(row));
        focusCurrentView();
    });
    connect(menus, &ShellMenus::refreshAllRequested, this, &MainWindow::refreshAll);
    connect(menus, &ShellMenus::reconnectRequested, this, &MainWindow::reconnect);
    connect(menus, &ShellMenus::quickTourRequested, this, &MainWindow::showQuickTour);
    connect(menus, &ShellMenus::shortcutsRequested, this, &MainWindow::showShortcuts);
    connect(m_connections, &ConnectionController::sandboxRunning, menus,
            &ShellMenus::setSandboxRunning);
    m_menus = menus;
    connect(menus, &ShellMenus::aboutRequested, this,
            [this] { AboutDialog(m_status->serverVersion(), this).exec(); });
}

void MainWindow::connectSession()
{
    connect(m_bar, &ConnectionBar::profileChosen, this, &MainWindow::connectProfile);
    connect(m_connections, &ConnectionController::targetChanged, this,
            [this](const std::optional<SessionSpec> &spec) {
                setTarget(spec);
                if (spec)
                    emit connected(m_current);
            });
    connect(m_connections, &ConnectionController::stateChanged, m_bar, &ConnectionBar::setCurrent);
    connect(m_connections, &ConnectionController::message, this,
            [this](const QString &text, int ms) { m_status->showMessage(text, ms); });
    connect(m_connections, &ConnectionController::sandboxFailed, this, [this](const QString &why) {
        showStartPage(tr("The local sandbox did not start: %1").arg(why), true);
        QMessageBox::warning(this, tr("Local sandbox"), why);
    });
    // No password, no session: back to the start page, which says so.
    connect(m_connections, &ConnectionController::passwordCancelled, this,
            [this](const ConnectionProfile &profile) {
                m_checking = false;
                showStartPage(tr("No password was given for %1, so nothing was opened. Connect "
                                 "again, pick another profile, or edit this one.")
                                  .arg(profile.displayName()),
                              true);
            });
}

void MainWindow::connectViews()
{
    // Migrations change the schema: every view reads again what it read from the catalog (the
    // Entities tree keeps its expansion and selection).
    connect(m_migrations, &MigrationsView::runFinished, this, &MainWindow::reloadCatalogs);
    // The views' own jobs (saves, exports, prompt and chart queries) are listed in the job dock.
    connect(m_entities, &EntitiesView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_prompts, &PromptsView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_analytics, &AnalyticsView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_sql, &SqlConsoleView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_activity, &ActivityView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_health, &HealthView::jobStarted, m_jobs, &JobManager::announce);
    // Create as migration: the Migrations view proves and writes it, then lists it to apply.
    connect(m_health, &HealthView::migrationRequested, this, [this](const IndexAction &action) {
        showView(Migrations);
        m_migrations->createIndexMigration(action);
    });
    connect(m_migrations, &MigrationsView::migrationsDirChanged, m_fleet,
            &FleetView::setMigrationsDir);
    connect(m_fleet, &FleetView::openTargetRequested, this, &MainWindow::openFleetTarget);
    connect(m_fleet, &FleetView::openProfileRequested, this, [this](const QString &name) {
        showView(Migrations);
        connectProfile(name);
    });
    // A click on a chart point opens the rows behind it.
    connect(
        m_analytics, &AnalyticsView::showRowsRequested, this,
        [this](const QString &schema, const QString &table, const QList<ColumnFilter> &filters) {
            if (!m_entities->confirmLeave(tr("Opening %1").arg(table)))
                return;
            showView(Entities);
            m_entities->openTable(schema, table, BrowseQuery{filters, {}, {}, false});
        });
    connectObjectsView();
    connect(m_migrations, &MigrationsView::statusText, this,
            [this](const QString &text) { m_status->showMessage(text); });
    // The bar says "connected" only once a session is open: the status read answered.
    connect(m_migrations, &MigrationsView::refreshed, this, [this](bool ok) {
        m_sessionOk = ok;
        if (!ok && !m_current.sandbox)
            m_connections->forgetPassword(m_current.name); // perhaps a wrong password
    });
    connect(m_migrations, &MigrationsView::serverRole, m_bar, &ConnectionBar::setServerRole);
    connect(m_migrations, &MigrationsView::sessionChecked, this, &MainWindow::sessionChecked);
    connect(m_migrations, &MigrationsView::sessionInfo, this,
            [this](const QString &version, const QString &db, const QString &user, int ms) {
                setWindowTitle(tr("%1 – %2").arg(m_current.displayName(), db));
                m_status->setSession(version, db, user, ms);
            });
}

void MainWindow::connectObjectsView()
{
    // The object browser's Open in Entities / Open in SQL: the other view, on the same database.
    connect(m_objects, &ObjectsView::openInEntitiesRequested, this,
            [this](const QString &schema, const QString &table) {
                if (!m_entities->confirmLeave(tr("Opening %1").arg(table)))
                    return;
                showView(Entities);
                m_entities->openTable(schema, table, BrowseQuery{});
            });
    connect(m_objects, &ObjectsView::openInSqlRequested, this, [this](const QString &text) {
        showView(Sql);
        if (SqlConsoleTab *tab = m_sql->currentTab()) {
            tab->editor()->setText(text);
            tab->editor()->setFocus(Qt::ShortcutFocusReason);
        }
    });
}

void MainWindow::restoreSession()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        placeForFirstStart();
    m_firstStart = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QString lastProfile = m_options.startOnSandbox
        ? ConnectionProfile::sandboxName()
        : settings.value(QStringLiteral("session/profile")).toString();
    showView(m_options.startOnSandbox
                 ? Migrations
                 : View(qBound(0, settings.value(QStringLiteral("window/view")).toInt(),
                               int(ViewCount) - 1)));
    reloadProfiles(lastProfile);
    if (!lastProfile.isEmpty()) {
        // The start page until a session is open: the remembered view once it is, the start
        // page with the reason when the profile cannot connect.
        m_stack->setCurrentWidget(m_start);
        QMetaObject::invokeMethod(
            this, [this, lastProfile] { connectProfile(lastProfile); }, Qt::QueuedConnection);
    } else {
        m_bar->setCurrent(ConnectionProfile::localSandbox(), tr("not connected"));
        m_stack->setCurrentWidget(m_start); // nothing to show yet: how to begin
    }
}

MainWindow::~MainWindow()
{
    delete m_store;
}

void MainWindow::placeForFirstStart()
{
    // No saved geometry: about 80 % of the screen, centred, so the views have room.
    const QRect available = screen()->availableGeometry();
    const QSize size = available.size() * 0.8;
    setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_firstStart)
        return;
    m_firstStart = false;
    // No saved layout: the job dock gets a few lines, the current view the rest.
    resizeDocks({m_jobDock}, {fontMetrics().height() * kJobDockLines}, Qt::Vertical);
}

QString MainWindow::viewKey(View view)
{
    static const char *keys[ViewCount] = {"migrations", "entities", "prompts", "analytics", "sql",
                                          "objects",    "activity", "health",  "fleet"};
    return QLatin1String(keys[qBound(0, int(view), int(ViewCount) - 1)]);
}

void MainWindow::showView(View view)
{
    m_sidebar->setCurrentRow(int(view));
    m_stack->setCurrentIndex(int(view));
}

bool MainWindow::showsStartPage() const
{
    return m_stack->currentWidget() == m_start;
}

void MainWindow::leaveStartPage()
{
    if (showsStartPage())
        m_stack->setCurrentIndex(std::max(0, m_sidebar->currentRow()));
}

void MainWindow::showStartPage(const QString &state, bool problem)
{
    m_start->setState(state, problem, problem && !m_current.sandbox ? m_current.name : QString());
    m_stack->setCurrentWidget(m_start);
}

void MainWindow::sessionChecked(bool open, const QString &why)
{
    if (open) {
        m_bar->setCurrent(m_current, tr("connected"));
        leaveStartPage(); // a session is open: the views
        m_start->setState(QString());
        m_checking = false;
        return;
    }
    m_bar->setCurrent(m_current, tr("not connected"));
    // The first answer for this profile: the start page says why and how to fix it. A session
    // lost later is the views' to report (a refresh says so); they stay.
    if (!m_checking)
        return;
    m_checking = false;
    showStartPage(tr("Cannot connect to %1 (%2): %3")
                      .arg(m_current.displayName(),
                           m_current.sandbox ? tr("local sandbox") : m_current.describe(), why),
                  true);
}

void MainWindow::chooseConnection()
{
    // Only the sandbox known: a profile to add first; else the switcher with the profiles.
    if (m_profiles.size() <= 1)
        return editProfiles();
    m_bar->switcher()->setFocus(Qt::ShortcutFocusReason);
    m_bar->switcher()->showPopup();
}

void MainWindow::showQuickTour()
{
    auto *dialog = new QuickTourDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::focusCurrentView()
{
    QWidget *view = m_stack->currentWidget();
    if (!view || view->isAncestorOf(QApplication::focusWidget()))
        return;
    for (QWidget *w = view->nextInFocusChain(); w && w != view; w = w->nextInFocusChain())
        if (view->isAncestorOf(w) && w->isVisible() && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
}

MainWindow::View MainWindow::currentView() const
{
    return View(qBound(0, m_sidebar->currentRow(), int(ViewCount) - 1));
}

void MainWindow::reloadProfiles(const QString &current)
{
    m_profiles = {ConnectionProfile::localSandbox()};
    m_profiles << m_store->load();
    m_bar->setProfiles(m_profiles, current);
    m_fleet->setProfiles(m_profiles, m_connections->passwords());
}

void MainWindow::connectProfile(const QString &name)
{
    const auto it = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                 [&name](const ConnectionProfile &p) { return p.name == name; });
    if (it == m_profiles.cend()) {
        m_status->showMessage(tr("No connection profile named \"%1\".").arg(name));
        return;
    }
    // The profile in use, picked again: keep the session (no password, no reconnect).
    if (name == m_current.name && m_connections->isAwaitingPassword())
        return;
    if (name == m_current.name && m_migrations->isConnected() && m_sessionOk)
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
    if (showsStartPage())
        m_start->setState(tr("Connecting to %1…").arg(m_current.displayName()));
    QSettings().setValue(QStringLiteral("session/profile"), name);
    m_status->clear();
    setWindowTitle(m_current.displayName());
    m_connections->open(m_current); // no target until the password is known
}

void MainWindow::setTarget(const std::optional<SessionSpec> &spec)
{
    m_sessionOk = false;
    m_checking = spec.has_value();
    statusBar()->clearMessage();
    m_status->clear(); // the server, database and user of a session that is gone
    m_spec = spec;
    m_migrations->setTarget(spec);
    m_entities->setTarget(spec);
    m_prompts->setTarget(spec);
    m_analytics->setTarget(spec);
    m_sql->setTarget(spec);
    m_objects->setTarget(spec);
    m_activity->setTarget(spec);
    m_health->setTarget(spec);
}

void MainWindow::reloadCatalogs()
{
    m_entities->refreshTables();
    m_prompts->reloadCatalog();
    m_analytics->reload();
    m_sql->reloadCatalog();
    m_objects->reload();
    m_health->markStale();
}

void MainWindow::refreshAll()
{
    // Each view reads again what it can: one without a session does nothing.
    m_migrations->refresh();
    m_entities->refreshAction()->trigger();
    m_prompts->reloadCatalog();
    m_analytics->reload();
    m_sql->reloadCatalog();
    m_objects->reload();
    m_activity->refresh();
    if (currentView() == Health)
        m_health->refresh();
    else
        m_health->markStale();
}

void MainWindow::reconnect()
{
    const std::optional<SessionSpec> spec = m_spec;
    if (!spec || !m_unsaved.confirmLeave(tr("Reconnecting")))
        return;
    setTarget(std::nullopt); // every session closes
    setTarget(spec);
}

void MainWindow::showShortcuts()
{
    QList<QPair<QWidget *, QString>> views;
    for (int i = 0; i < ViewCount; ++i)
        views.append({m_stack->widget(i), m_sidebar->item(i)->text()});
    ShortcutsDialog(this, views).exec();
}

void MainWindow::openFleetTarget(const FleetTarget &target)
{
    QString why;
    const std::optional<ConnectionProfile> profile = FleetTargetProfile::from(target, &why);
    if (!profile) {
        m_status->showMessage(tr("Cannot open %1: %2").arg(target.name, why));
        return;
    }
    if (!m_unsaved.confirmLeave(tr("Switching to %1").arg(target.name)))
        return;
    m_current = *profile;
    m_status->clear();
    setWindowTitle(m_current.displayName());
    m_bar->setCurrent(m_current, tr("connecting"));
    // The password, if any, from .pgpass / PGPASSFILE as for the CLI: never in the file.
    setTarget(SessionSpec::from(m_current, QString(), QStringLiteral("migrations")));
    showView(Migrations);
    emit connected(m_current);
}

void MainWindow::stopSandbox()
{
    if (m_current.sandbox && !m_unsaved.confirmLeave(tr("Stopping the sandbox")))
        return;
    m_connections->stopSandbox();
}

void MainWindow::editProfiles()
{
    ProfileDialog dialog(m_store, m_connections->passwords(), m_jobs, this);
    connect(&dialog, &ProfileDialog::saved, m_connections, &ConnectionController::forgetPassword);
    dialog.exec();
    reloadProfiles(m_current.name);
    m_connections->keepOnly(m_profiles);
    if (!m_current.sandbox && !m_current.name.isEmpty()) {
        m_sessionOk = false; // the profile may have changed: connect again
        connectProfile(m_current.name);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_unsaved.confirmClose()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/view"), int(currentView()));
    m_jobs->cancelAll();
    QMainWindow::closeEvent(event);
}

} // namespace uaip
