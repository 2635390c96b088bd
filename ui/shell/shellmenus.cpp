#include "shellmenus.h"

#include "connections/connectionbar.h"
#include "languagemenu.h"
#include "migrations/migrationactions.h"
#include "widgets/themedicon.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>

namespace uaip {

ShellMenus::ShellMenus(QMainWindow *window, ConnectionBar *bar, QListWidget *sidebar,
                       QDockWidget *jobDock, MigrationActions *migrations)
    : QObject(window)
{
    buildConnectionMenu(window, bar);
    buildViewMenu(window, sidebar, jobDock);
    buildMigrationsMenu(window, migrations);
    buildHelpMenu(window);
}

void ShellMenus::buildConnectionMenu(QMainWindow *window, ConnectionBar *bar)
{
    QMenu *file = window->menuBar()->addMenu(tr("&Connection"));
    QAction *switchProfile = file->addAction(
        ThemedIcon::of("network-server", QStyle::SP_DriveNetIcon), tr("&Switch connection..."));
    switchProfile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(switchProfile, &QAction::triggered, this, [bar] {
        bar->switcher()->setFocus(Qt::ShortcutFocusReason);
        bar->switcher()->showPopup();
    });
    QAction *profiles
        = file->addAction(ThemedIcon::of("document-properties", QStyle::SP_FileDialogDetailedView),
                          tr("&Edit profiles..."));
    profiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(profiles, &QAction::triggered, this, &ShellMenus::editProfilesRequested);
    m_reconnect = file->addAction(ThemedIcon::of("view-refresh", QStyle::SP_BrowserReload),
                                  tr("&Reconnect"));
    m_reconnect->setObjectName(QStringLiteral("reconnectAction"));
    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reconnect->setToolTip(tr("Close every session of this connection and open them again; "
                               "each view reads the database again"));
    connect(m_reconnect, &QAction::triggered, this, &ShellMenus::reconnectRequested);
    file->addSeparator();
    QAction *startSandbox = file->addAction(
        ThemedIcon::of("media-playback-start", QStyle::SP_MediaPlay), tr("Start local &sandbox"));
    startSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(startSandbox, &QAction::triggered, this, &ShellMenus::startSandboxRequested);
    m_stopSandbox = file->addAction(ThemedIcon::of("media-playback-stop", QStyle::SP_MediaStop),
                                    tr("Sto&p local sandbox"));
    m_stopSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X));
    connect(m_stopSandbox, &QAction::triggered, this, &ShellMenus::stopSandboxRequested);
    file->addSeparator();
    QAction *quit = file->addAction(
        ThemedIcon::of("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, window, &QWidget::close);
    bar->addActions({profiles, startSandbox, m_stopSandbox});
}

void ShellMenus::setSandboxRunning(bool running)
{
    m_stopSandbox->setEnabled(running);
}

void ShellMenus::buildViewMenu(QMainWindow *window, QListWidget *sidebar, QDockWidget *jobDock)
{
    QMenu *view = window->menuBar()->addMenu(tr("&View"));
    m_refreshAll = view->addAction(ThemedIcon::of("view-refresh", QStyle::SP_BrowserReload),
                                   tr("&Refresh all"));
    m_refreshAll->setObjectName(QStringLiteral("refreshAllAction"));
    m_refreshAll->setShortcut(QKeySequence::Refresh);
    m_refreshAll->setToolTip(tr("Every view reads the database again (F5)"));
    connect(m_refreshAll, &QAction::triggered, this, &ShellMenus::refreshAllRequested);
    view->addSeparator();
    for (int i = 0; i < sidebar->count(); ++i) {
        QAction *a = view->addAction(sidebar->item(i)->icon(), sidebar->item(i)->text());
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { emit viewRequested(i); });
    }
    view->addSeparator();
    QAction *dock = jobDock->toggleViewAction();
    dock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(dock);
    view->addSeparator();
    view->addMenu(new LanguageMenu(window));
}

void ShellMenus::buildMigrationsMenu(QMainWindow *window, MigrationActions *a)
{
    QMenu *migrations = window->menuBar()->addMenu(tr("&Migrations"));
    migrations->addActions({a->openFolder, a->refresh, a->findFilter, a->showHistory});
    migrations->addSeparator();
    migrations->addActions({a->applyAll, a->applyToSelected, a->rollbackLast, a->rollbackToSelected,
                            a->singleTransaction});
    migrations->addSeparator();
    migrations->addActions(
        {a->dryRun, a->validate, a->verify, a->generateMigration, a->newOnlineChange});
    migrations->addSeparator();
    migrations->addAction(a->workloadSince);
    // Their shortcuts are the Migrations view's own (WidgetWithChildrenShortcut), so Ctrl+F and
    // Ctrl+D reach the view that is shown; the menu entries work from every view.
}

void ShellMenus::buildHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    QAction *tour = help->addAction(tr("&Quick tour"));
    connect(tour, &QAction::triggered, this, &ShellMenus::quickTourRequested);
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &ShellMenus::shortcutsRequested);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About UAIP Admin"));
    about->setShortcut(QKeySequence::HelpContents);
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &ShellMenus::aboutRequested);
}

} // namespace uaip
