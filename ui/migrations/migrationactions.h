#pragma once

#include <QObject>

class QAction;

namespace uaip {

// The actions of the migrations view, with icons (desktop theme, QStyle fallback), shortcuts
// and tool tips; the view puts them in its tool bar and the window in its menu. Their
// shortcuts are the view's (Qt::WidgetWithChildrenShortcut on MigrationsView): Ctrl+F and
// Ctrl+D mean other things in other views. F5 is the window's Refresh all (it reads the status
// again too).
class MigrationActions : public QObject
{
    Q_OBJECT
public:
    explicit MigrationActions(QObject *parent = nullptr);

    QAction *refresh;
    QAction *applyAll;
    QAction *applyToSelected;
    QAction *rollbackLast;
    QAction *rollbackToSelected;
    QAction *dryRun;
    QAction *validate;
    QAction *verify;
    QAction *generateMigration;
    QAction *newOnlineChange;
    QAction *findFilter;
    QAction *showHistory;
    QAction *openFolder;
    // The workload before and after the selected (applied) migration.
    QAction *workloadSince;
    // Checkable: apply and roll back run the whole plan in one transaction (all or none).
    QAction *singleTransaction;

    QList<QAction *> writeActions() const;
    QList<QAction *> all() const;
};

} // namespace uaip
