#pragma once

#include <QCoreApplication>

class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace uaip {

class BackupGate;
class EventTableModel;
class ForeignHistorySection;
class MigrationActions;
class MigrationBanner;
class MigrationDetailPane;
class MigrationTableModel;
class MigrationTableView;
class MigrationsView;

// The widgets of the Migrations view, built into it: the tool bar, the banner, other tools'
// histories, and the tabs (the migration table over the detail pane with the SQL, lint and
// events; the whole event log) with the filter beside them. The view owns them (they are its
// children) and gives them their behaviour; this places them, moves between the tabs and the
// filter, and fits the tool bar to the width.
class MigrationsViewLayout
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationsViewLayout)
    Q_DISABLE_COPY_MOVE(MigrationsViewLayout)

public:
    MigrationsViewLayout(MigrationsView *view, MigrationActions *actions, BackupGate *backup);

    // Words beside the icons where they fit; else under them, else icons only.
    void fitToolBar();
    // Once the view is shown: the table gets room for about a dozen rows, the SQL the rest.
    void placeSplit();

    QToolBar *bar = nullptr;
    MigrationBanner *banner = nullptr;
    ForeignHistorySection *foreign = nullptr;
    QLineEdit *filter = nullptr;
    QTabWidget *tabs = nullptr;
    MigrationTableView *table = nullptr;
    MigrationTableModel *model = nullptr;
    MigrationDetailPane *details = nullptr;
    EventTableModel *history = nullptr;
    QTableView *historyView = nullptr;
    QSplitter *split = nullptr;

private:
    void buildToolBar(MigrationActions *actions, BackupGate *backup);
    void buildTabs();

    MigrationsView *m_view;
    bool m_splitPlaced = false; // the table/SQL split was set once it had a height
};

} // namespace uaip
