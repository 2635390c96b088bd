#pragma once

#include <QToolBar>

class QAction;
class QTableView;

namespace uaip {

class EntityModel;

// The Entities view's tool bar: Refresh, Cancel loading, Count rows, Last page, Filter; Insert
// row, Duplicate row, Delete rows, Set NULL; Save, Revert, Cancel save; Export CSV…. The
// actions are the view's (their shortcuts work where it has the focus:
// Qt::WidgetWithChildrenShortcut), and so is what they do. update() enables what can run on
// the open table and the grid's selection; an edit that cannot says why in its tool tip.
class EntitiesToolBar : public QToolBar
{
    Q_OBJECT
public:
    // The actions are view's (added to it); model and grid: what they act on.
    EntitiesToolBar(QWidget *view, EntityModel *model, QTableView *grid);

    // connected: the view has a database; exporting: a CSV export runs.
    void update(bool connected, bool exporting);

    QAction *refresh;
    QAction *cancelLoad;
    QAction *count;
    QAction *end;
    QAction *find;
    QAction *insert;
    QAction *duplicate;
    QAction *remove; // Delete rows
    QAction *setNull;
    QAction *save;
    QAction *revert;
    QAction *cancelSave;
    QAction *exportCsv;

private:
    QAction *add(const char *icon, const QString &text, const QKeySequence &key);
    // Enables the action, or disables it with the reason added to its tool tip.
    static void setAvailable(QAction *action, bool enabled, const QString &reason);
    // Why Set NULL cannot change any selected cell (read-only profile or table, no privilege,
    // NOT NULL, ...), or empty when it can change one.
    QString setNullReason() const;

    QWidget *m_view;
    EntityModel *m_model;
    QTableView *m_grid;
};

} // namespace uaip
