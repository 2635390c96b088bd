#include "screenshotobjects.h"

#include "mainwindow.h"
#include "objects/objectdetailpane.h"
#include "objects/objectsview.h"
#include "objects/objecttreemodel.h"

#include <QTimer>
#include <QTreeView>

namespace uaip {

namespace {

// The loaded child of parent whose name (NameRole) or, for a folder, kind is text.
QModelIndex childNamed(const ObjectTreeModel *model, const QModelIndex &parent, const QString &text,
                       int role = ObjectTreeModel::NameRole)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex at = model->index(row, 0, parent);
        if (model->data(at, role).toString() == text)
            return at;
    }
    return {};
}

} // namespace

ScreenshotObjects::ScreenshotObjects(MainWindow *window, Save save, std::function<bool()> over,
                                     QObject *parent)
    : ScreenshotPart(window, std::move(save), parent)
    , m_over(std::move(over))
{ }

void ScreenshotObjects::start()
{
    ObjectsView *view = m_window->objectsView();
    ObjectTreeModel *model = view->model();
    QTreeView *tree = view->tree();
    auto taken = std::make_shared<bool>(false);
    auto take = [this, taken] {
        if (*taken || m_over())
            return;
        *taken = true;
        QTimer::singleShot(0, this, [this] {
            if (m_save(m_window, MainWindow::viewKey(MainWindow::Objects)))
                emit done();
        });
    };
    // One step further each time a level arrives: database, public, Tables, personas and its
    // parts (expanded), Functions, uaip_set_updated_at (selected: its DDL and comment); the
    // picture once its details are there, the table's parts in view above it.
    auto advance = [view, model, tree, take] {
        const QModelIndex db = model->targetDatabase();
        const QModelIndex schema = childNamed(model, db, QStringLiteral("public"));
        if (!schema.isValid())
            return tree->expand(db);
        tree->expand(schema);
        const QModelIndex tables
            = childNamed(model, schema, QStringLiteral("table"), ObjectTreeModel::KindRole);
        const QModelIndex table = childNamed(model, tables, QStringLiteral("personas"));
        if (!tables.isValid() || !table.isValid())
            return tree->expand(tables);
        tree->expand(table);
        const QModelIndex indexes
            = childNamed(model, table, QStringLiteral("index"), ObjectTreeModel::KindRole);
        if (indexes.isValid())
            tree->expand(indexes);
        const QModelIndex functions
            = childNamed(model, schema, QStringLiteral("function"), ObjectTreeModel::KindRole);
        const QModelIndex function
            = childNamed(model, functions, QStringLiteral("uaip_set_updated_at"));
        if (!function.isValid())
            return tree->expand(functions);
        if (tree->currentIndex() != function) {
            tree->setCurrentIndex(function);
            tree->scrollTo(table, QAbstractItemView::PositionAtTop);
        }
        const ObjectDetailPane *pane = view->detailPane();
        if (pane->showsDetails()
            && pane->details().node.identity
                == model->data(function, ObjectTreeModel::IdentityRole).toString()
            && model->rowCount(table) > 0)
            take();
    };
    connect(model, &ObjectTreeModel::levelLoaded, this, advance);
    connect(view, &ObjectsView::detailsShown, this, advance);
    QTimer::singleShot(10000, this, take);
    view->reload(); // the migrations and the demo data came after the first read
    advance();
}

} // namespace uaip
