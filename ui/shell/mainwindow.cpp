#include "mainwindow.h"

#include "aboutdialog.h"
#include "connectionflow.h"
#include "connections/connectionbar.h"
#include "connections/connectioncontroller.h"
#include "db/sandbox.h"
#include "fleet/fleetview.h"
#include "jobs/jobmanager.h"
#include "jobs/jobpanel.h"
#include "migrations/migrationsview.h"
#include "quicktourdialog.h"
#include "sessionstatuslabels.h"
#include "shellmenus.h"
#include "shortcutsdialog.h"
#include "sidebarentries.h"
#include "startpage.h"
#include "unsavedworkguard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QListWidget>
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
    , m_bar(new ConnectionBar(this))
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_start(new StartPage(this))
    , m_views(new MainViews(m_jobs, this))
    , m_jobPanel(new JobPanel(m_jobs, this))
    , m_jobDock(new QDockWidget(tr("Jobs"), this))
    , m_unsaved(m_views->prompts, m_views->entities)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("UAIP Admin"));
    if (m_options.sandboxDir.isEmpty())
        m_options.sandboxDir = Sandbox::defaultRootDir();
    m_status = std::make_unique<SessionStatusLabels>(this);
    m_flow = new ConnectionFlow(this, m_jobs, m_options.sandboxDir, m_bar, m_views, m_unsaved,
                                *m_status);
    m_flow->setSandboxDatabase(m_options.sandboxDatabase);
    m_views->migrations->setSandboxDir(m_options.sandboxDir);
    if (!m_options.migrationsDir.isEmpty()) {
        m_views->migrations->setMigrationsDir(m_options.migrationsDir);
        m_views->fleet->setMigrationsDir(m_options.migrationsDir);
    }

    buildSidebar();
    buildLayout();
    buildMenus();
    connectFlow();
    restoreSession();
}

void MainWindow::buildSidebar()
{
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(fontMetrics().height() * 2, fontMetrics().height() * 2));
    SidebarEntries::addTo(m_sidebar);
    for (QWidget *page : m_views->pages())
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
    connect(m_start, &StartPage::connectRequested, m_flow, &ConnectionFlow::chooseConnection);
    connect(m_start, &StartPage::sandboxRequested, this,
            [this] { connectProfile(ConnectionProfile::sandboxName()); });
    connect(m_start, &StartPage::tourRequested, this, &MainWindow::showQuickTour);
    connect(m_start, &StartPage::editRequested, m_flow, &ConnectionFlow::editProfiles);
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
    auto *menus = new ShellMenus(this, m_bar, m_sidebar, m_jobDock, m_views->migrations->actions());
    connect(menus, &ShellMenus::editProfilesRequested, m_flow, &ConnectionFlow::editProfiles);
    connect(menus, &ShellMenus::startSandboxRequested, this,
            [this] { connectProfile(ConnectionProfile::sandboxName()); });
    connect(menus, &ShellMenus::stopSandboxRequested, m_flow, &ConnectionFlow::stopSandbox);
    connect(menus, &ShellMenus::viewRequested, this, [this](int row) {
        showView(View(row));
        focusCurrentView();
    });
    connect(menus, &ShellMenus::refreshAllRequested, this, &MainWindow::refreshAll);
    connect(menus, &ShellMenus::reconnectRequested, this, &MainWindow::reconnect);
    connect(menus, &ShellMenus::quickTourRequested, this, &MainWindow::showQuickTour);
    connect(menus, &ShellMenus::shortcutsRequested, this, &MainWindow::showShortcuts);
    connect(m_flow->controller(), &ConnectionController::sandboxRunning, menus,
            &ShellMenus::setSandboxRunning);
    m_menus = menus;
    connect(menus, &ShellMenus::aboutRequested, this,
            [this] { AboutDialog(m_status->serverVersion(), this).exec(); });
}

void MainWindow::connectFlow()
{
    connect(m_flow, &ConnectionFlow::connected, this, &MainWindow::connected);
    connect(m_flow, &ConnectionFlow::connecting, this, [this](const QString &state) {
        if (showsStartPage())
            m_start->setState(state);
    });
    connect(m_flow, &ConnectionFlow::problem, this,
            [this](const QString &state) { showStartPage(state, true); });
    connect(m_flow, &ConnectionFlow::opened, this, [this] {
        leaveStartPage();
        m_start->setState(QString());
    });
    connect(m_flow, &ConnectionFlow::viewWanted, this, [this](int view) { showView(View(view)); });
    connect(m_views, &MainViews::viewWanted, this, [this](int view) { showView(View(view)); });
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
    m_flow->reloadProfiles(lastProfile);
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

MainWindow::~MainWindow() = default;

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
    const ConnectionProfile &current = m_flow->current();
    m_start->setState(state, problem, problem && !current.sandbox ? current.name : QString());
    m_stack->setCurrentWidget(m_start);
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

void MainWindow::connectProfile(const QString &name)
{
    m_flow->connectProfile(name);
}

void MainWindow::refreshAll()
{
    m_views->refreshAll(currentView() == Health);
}

void MainWindow::reconnect()
{
    m_flow->reconnect();
}

void MainWindow::showShortcuts()
{
    QList<QPair<QWidget *, QString>> views;
    for (int i = 0; i < ViewCount; ++i)
        views.append({m_stack->widget(i), m_sidebar->item(i)->text()});
    ShortcutsDialog(this, views).exec();
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
