#include "shellmenus.h"

#include "connections/connectionbar.h"
#include "languagemenu.h"
#include "migrations/migrationactions.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>

namespace uaip {

namespace {

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

} // namespace

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
    QAction *switchProfile = file->addAction(themed("network-server", QStyle::SP_DriveNetIcon),
                                             tr("&Switch connection..."));
    switchProfile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(switchProfile, &QAction::triggered, this, [bar] {
        bar->switcher()->setFocus(Qt::ShortcutFocusReason);
        bar->switcher()->showPopup();
    });
    QAction *profiles = file->addAction(
        themed("document-properties", QStyle::SP_FileDialogDetailedView), tr("&Edit profiles..."));
    profiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(profiles, &QAction::triggered, this, &ShellMenus::editProfilesRequested);
    file->addSeparator();
    QAction *startSandbox = file->addAction(themed("media-playback-start", QStyle::SP_MediaPlay),
                                            tr("Start local &sandbox"));
    startSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(startSandbox, &QAction::triggered, this, &ShellMenus::startSandboxRequested);
    QAction *stopSandbox = file->addAction(themed("media-playback-stop", QStyle::SP_MediaStop),
                                           tr("Sto&p local sandbox"));
    stopSandbox->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_X));
    connect(stopSandbox, &QAction::triggered, this, &ShellMenus::stopSandboxRequested);
    file->addSeparator();
    QAction *quit
        = file->addAction(themed("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, window, &QWidget::close);
    bar->addActions({profiles, startSandbox, stopSandbox});
}

void ShellMenus::buildViewMenu(QMainWindow *window, QListWidget *sidebar, QDockWidget *jobDock)
{
    QMenu *view = window->menuBar()->addMenu(tr("&View"));
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
    migrations->addActions({a->refresh, a->findFilter, a->showHistory});
    migrations->addSeparator();
    migrations->addActions({a->applyAll, a->applyToSelected, a->rollbackLast, a->rollbackToSelected,
                            a->singleTransaction});
    migrations->addSeparator();
    migrations->addActions({a->dryRun, a->validate, a->verify, a->generateMigration});
    // Their shortcuts are the Migrations view's own (WidgetWithChildrenShortcut), so F5, Ctrl+F
    // and Ctrl+D reach the view that is shown; the menu entries work from every view.
}

void ShellMenus::buildHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About UAIP Admin"));
    about->setShortcut(QKeySequence::HelpContents);
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &ShellMenus::aboutRequested);
}

} // namespace uaip
