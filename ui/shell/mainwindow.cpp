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
#include "jobs/jobmanager.h"
#include "jobs/jobpanel.h"
#include "languagemenu.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "prompts/promptsview.h"
#include "quicktourdialog.h"
#include "sql/sqlconsoleview.h"
#include "startpage.h"
#include "widgets/localeformat.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace uaip {

namespace {

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

} // namespace

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
    , m_activity(new ActivityView(this))
    , m_fleet(new FleetView(m_jobs, this))
    , m_jobPanel(new JobPanel(m_jobs, this))
    , m_jobDock(new QDockWidget(tr("Jobs"), this))
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

    const struct
    {
        const char *theme;
        QStyle::StandardPixmap fallback;
        QString name;
    } views[ViewCount] = {
        {"system-software-update", QStyle::SP_BrowserReload, tr("Migrations")},
        {"x-office-spreadsheet", QStyle::SP_FileDialogDetailedView, tr("Entities")},
        {"accessories-text-editor", QStyle::SP_FileDialogContentsView, tr("Prompts")},
        {"utilities-system-monitor", QStyle::SP_ComputerIcon, tr("Analytics")},
        {"utilities-terminal", QStyle::SP_FileDialogListView, tr("SQL")},
        {"network-server", QStyle::SP_DriveNetIcon, tr("Activity")},
        {"network-workgroup", QStyle::SP_DirIcon, tr("Fleet")},
    };
    const QString descriptions[ViewCount] = {
        tr("Apply, roll back and verify the platform's schema migrations."),
        tr("Browse and edit any table safely, at any size."),
        tr("Seed, edit, version and diff the AI agents' system prompts."),
        tr("Persona and agent-capability metrics as charts."),
        tr("Run SQL and see its plan (EXPLAIN), safely."),
        tr("Who is connected, what runs, who waits on whom; table statistics."),
        tr("Status, apply, roll back and drift over many databases at once."),
    };
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(fontMetrics().height() * 2, fontMetrics().height() * 2));
    QWidget *const pages[ViewCount]
        = {m_migrations, m_entities, m_prompts, m_analytics, m_sql, m_activity, m_fleet};
    for (int i = 0; i < ViewCount; ++i) {
        // Themes ship some icons only in small sizes: scale each to the side bar's size so
        // the entries line up.
        const QSize size = m_sidebar->iconSize();
        QPixmap pixmap = themed(views[i].theme, views[i].fallback).pixmap(size);
        if (pixmap.size() != size)
            pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QIcon icon(pixmap);
        auto *item = new QListWidgetItem(icon, views[i].name);
        item->setToolTip(descriptions[i]);
        m_sidebar->addItem(item);
        m_stack->addWidget(pages[i]);
    }
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

    buildMenus();
    buildStatusBar();
    connect(m_bar, &ConnectionBar::profileChosen, this, &MainWindow::connectProfile);
    connect(m_connections, &ConnectionController::targetChanged, this,
            [this](const std::optional<SessionSpec> &spec) {
                setTarget(spec);
                if (spec)
                    emit connected(m_current);
            });
    connect(m_connections, &ConnectionController::stateChanged, m_bar, &ConnectionBar::setCurrent);
    connect(m_connections, &ConnectionController::message, this,
            [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
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
                                  .arg(ConnectionBar::displayName(profile)),
                              true);
            });
    // Migrations change the tables: the Entities tree follows (keeping expansion and selection).
    connect(m_migrations, &MigrationsView::runFinished, m_entities, &EntitiesView::refreshTables);
    // The views' own jobs (saves, exports, prompt and chart queries) are listed in the job dock.
    connect(m_entities, &EntitiesView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_prompts, &PromptsView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_analytics, &AnalyticsView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_sql, &SqlConsoleView::jobStarted, m_jobs, &JobManager::announce);
    connect(m_activity, &ActivityView::jobStarted, m_jobs, &JobManager::announce);
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
    connect(m_migrations, &MigrationsView::statusText, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
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
                m_serverVersion = version;
                setWindowTitle(tr("%1 – %2").arg(ConnectionBar::displayName(m_current), db));
                m_server->setText(tr("PostgreSQL %1").arg(version));
                m_database->setText(tr("database %1").arg(db));
                m_user->setText(tr("user %1").arg(user));
                m_latency->setText(LocaleFormat::milliseconds(ms));
            });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        placeForFirstStart();
    m_firstStart = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QString lastProfile = m_options.startOnSandbox
        ? ConnectionProfile::sandboxName()
        : settings.value(QStringLiteral("session/profile")).toString();
    showView(options.startOnSandbox
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
    static const char *keys[ViewCount]
        = {"migrations", "entities", "prompts", "analytics", "sql", "activity", "fleet"};
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
                      .arg(m_current.name,
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

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Connection"));
    QAction *switchProfile = file->addAction(themed("network-server", QStyle::SP_DriveNetIcon),
                                             tr("&Switch connection..."));
    switchProfile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(switchProfile, &QAction::triggered, this, [this] {
        m_bar->switcher()->setFocus(Qt::ShortcutFocusReason);
        m_bar->switcher()->showPopup();
    });
    QAction *profiles = file->addAction(
        themed("document-properties", QStyle::SP_FileDialogDetailedView), tr("&Edit profiles..."));
    profiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(profiles, &QAction::triggered, this, &MainWindow::editProfiles);
    file->addSeparator();
    m_startSandbox = file->addAction(themed("media-playback-start", QStyle::SP_MediaPlay),
                                     tr("Start local &sandbox"));
    m_startSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(m_startSandbox, &QAction::triggered, this,
            [this] { connectProfile(ConnectionProfile::sandboxName()); });
    m_stopSandbox = file->addAction(themed("media-playback-stop", QStyle::SP_MediaStop),
                                    tr("Sto&p local sandbox"));
    m_stopSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X));
    connect(m_stopSandbox, &QAction::triggered, this, &MainWindow::stopSandbox);
    file->addSeparator();
    QAction *quit
        = file->addAction(themed("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    m_bar->addActions({profiles, m_startSandbox, m_stopSandbox});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < ViewCount; ++i) {
        QAction *a = view->addAction(m_sidebar->item(i)->icon(), m_sidebar->item(i)->text());
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] {
            showView(View(i));
            focusCurrentView();
        });
    }
    view->addSeparator();
    QAction *dock = m_jobDock->toggleViewAction();
    dock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(dock);
    view->addSeparator();
    view->addMenu(new LanguageMenu(this));

    QMenu *migrations = menuBar()->addMenu(tr("&Migrations"));
    MigrationActions *a = m_migrations->actions();
    migrations->addActions({a->refresh, a->findFilter, a->showHistory});
    migrations->addSeparator();
    migrations->addActions({a->applyAll, a->applyToSelected, a->rollbackLast, a->rollbackToSelected,
                            a->singleTransaction});
    migrations->addSeparator();
    migrations->addActions({a->dryRun, a->validate, a->verify, a->generateMigration});
    // Their shortcuts are the Migrations view's own (WidgetWithChildrenShortcut), so F5, Ctrl+F
    // and Ctrl+D reach the view that is shown; the menu entries work from every view.

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About UAIP Admin"));
    about->setShortcut(QKeySequence::HelpContents);
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this,
            [this] { AboutDialog(m_serverVersion, this).exec(); });
}

void MainWindow::buildStatusBar()
{
    m_server = new QLabel(this);
    m_database = new QLabel(this);
    m_user = new QLabel(this);
    m_latency = new QLabel(this);
    m_server->setObjectName(QStringLiteral("serverVersion"));
    m_database->setObjectName(QStringLiteral("statusDatabase"));
    m_user->setObjectName(QStringLiteral("statusUser"));
    m_latency->setObjectName(QStringLiteral("statusLatency"));
    m_latency->setToolTip(tr("Round trip of a SELECT 1 at the last refresh"));
    for (QLabel *l : {m_server, m_database, m_user, m_latency})
        statusBar()->addPermanentWidget(l);
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
        statusBar()->showMessage(tr("No connection profile named \"%1\".").arg(name));
        return;
    }
    // The profile in use, picked again: keep the session (no password, no reconnect).
    if (name == m_current.name && m_connections->isAwaitingPassword())
        return;
    if (name == m_current.name && m_migrations->isConnected() && m_sessionOk)
        return;
    // Staged edits belong to the database they were made on: never carried to another one;
    // an edited prompt is not saved anywhere else either.
    if (!m_prompts->confirmLeave(tr("Switching to %1").arg(name))
        || !m_entities->confirmLeave(tr("Switching to %1").arg(name),
                                     [this, name] { connectProfile(name); })) {
        m_bar->setProfiles(m_profiles, m_current.name);
        return;
    }
    m_current = *it;
    // The start page stays up until a session is open (then the view), saying what happens.
    if (showsStartPage())
        m_start->setState(tr("Connecting to %1…").arg(ConnectionBar::displayName(m_current)));
    QSettings().setValue(QStringLiteral("session/profile"), name);
    for (QLabel *l : {m_server, m_database, m_user, m_latency})
        l->clear();
    m_serverVersion.clear();
    setWindowTitle(ConnectionBar::displayName(m_current));
    m_connections->open(m_current); // no target until the password is known
}

void MainWindow::setTarget(const std::optional<SessionSpec> &spec)
{
    m_sessionOk = false;
    m_checking = spec.has_value();
    statusBar()->clearMessage();
    m_migrations->setTarget(spec);
    m_entities->setTarget(spec);
    m_prompts->setTarget(spec);
    m_analytics->setTarget(spec);
    m_sql->setTarget(spec);
    m_activity->setTarget(spec);
}

void MainWindow::openFleetTarget(const FleetTarget &target)
{
    QString why;
    const std::optional<ConnectionProfile> profile = FleetTargetProfile::from(target, &why);
    if (!profile) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(target.name, why));
        return;
    }
    if (!m_prompts->confirmLeave(tr("Switching to %1").arg(target.name))
        || !m_entities->confirmLeave(tr("Switching to %1").arg(target.name)))
        return;
    m_current = *profile;
    for (QLabel *l : {m_server, m_database, m_user, m_latency})
        l->clear();
    m_serverVersion.clear();
    setWindowTitle(ConnectionBar::displayName(m_current));
    m_bar->setCurrent(m_current, tr("connecting"));
    // The password, if any, from .pgpass / PGPASSFILE as for the CLI: never in the file.
    setTarget(SessionSpec::from(m_current, QString(), QStringLiteral("migrations")));
    showView(Migrations);
    emit connected(m_current);
}

void MainWindow::stopSandbox()
{
    if (m_current.sandbox
        && (!m_prompts->confirmLeave(tr("Stopping the sandbox"))
            || !m_entities->confirmLeave(tr("Stopping the sandbox"))))
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
    // an edited prompt: Discard / Cancel; staged edits: Save / Discard / Cancel
    if (!m_prompts->confirmClose() || !m_entities->confirmClose()) {
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
