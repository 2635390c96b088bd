#include "sidebarentries.h"

#include "mainwindow.h"

#include <QApplication>
#include <QListWidget>
#include <QStyle>

namespace uaip {

void SidebarEntries::addTo(QListWidget *sidebar)
{
    const struct
    {
        const char *theme;
        QStyle::StandardPixmap fallback;
        QString name;
    } views[MainWindow::ViewCount] = {
        {"system-software-update", QStyle::SP_BrowserReload, tr("Migrations")},
        {"x-office-spreadsheet", QStyle::SP_FileDialogDetailedView, tr("Entities")},
        {"accessories-text-editor", QStyle::SP_FileDialogContentsView, tr("Prompts")},
        {"utilities-system-monitor", QStyle::SP_ComputerIcon, tr("Analytics")},
        {"utilities-terminal", QStyle::SP_FileDialogListView, tr("SQL")},
        {"view-list-tree", QStyle::SP_DirOpenIcon, tr("Objects")},
        {"network-server", QStyle::SP_DriveNetIcon, tr("Activity")},
        {"dialog-information", QStyle::SP_MessageBoxInformation, tr("Health")},
        {"network-workgroup", QStyle::SP_DirIcon, tr("Fleet")},
    };
    const QString descriptions[MainWindow::ViewCount] = {
        tr("Apply, roll back and verify the platform's schema migrations."),
        tr("Browse and edit any table safely, at any size."),
        tr("Seed, edit, version and diff the AI agents' system prompts."),
        tr("Persona and agent-capability metrics as charts."),
        tr("Run SQL and see its plan (EXPLAIN), safely."),
        tr("Every object of the server's databases as a tree: its DDL, size, comment and "
           "dependencies; find by name."),
        tr("Who is connected, what runs, who waits on whom; table statistics."),
        tr("The workload: costly queries, the indexes they need (proven), unused and "
           "duplicate indexes, vacuum blockers, wraparound and connection headroom."),
        tr("Status, apply, roll back and drift over many databases at once."),
    };
    for (int i = 0; i < MainWindow::ViewCount; ++i) {
        // Themes ship some icons only in small sizes: scale each to the side bar's size so
        // the entries line up.
        const QSize size = sidebar->iconSize();
        const QIcon themed = QIcon::fromTheme(
            QLatin1String(views[i].theme), QApplication::style()->standardIcon(views[i].fallback));
        QPixmap pixmap = themed.pixmap(size);
        if (pixmap.size() != size)
            pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QIcon icon(pixmap);
        auto *item = new QListWidgetItem(icon, views[i].name);
        item->setToolTip(descriptions[i]);
        sidebar->addItem(item);
    }
}

} // namespace uaip
