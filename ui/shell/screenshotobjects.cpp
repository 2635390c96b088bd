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
    // One step further each time a level arrives: database, public, Tables, personas (selected
    // and expanded); the picture once its details and its parts are there.
    auto advance = [view, model, tree, take] {
        const QModelIndex db = model->targetDatabase();
        const QModelIndex schema = childNamed(model, db, QStringLiteral("public"));
        const QModelIndex tables
            = childNamed(model, schema, QStringLiteral("table"), ObjectTreeModel::KindRole);
        const QModelIndex table = childNamed(model, tables, QStringLiteral("personas"));
        if (!schema.isValid())
            return tree->expand(db);
        tree->expand(schema);
        if (!tables.isValid() || !table.isValid())
            return tree->expand(tables);
        if (tree->currentIndex() != table) {
            tree->setCurrentIndex(table);
            tree->expand(table);
            tree->scrollTo(table, QAbstractItemView::PositionAtCenter);
        }
        if (view->detailPane()->showsDetails() && model->rowCount(table) > 0)
            take();
    };
    connect(model, &ObjectTreeModel::levelLoaded, this, advance);
    connect(view, &ObjectsView::detailsShown, this, advance);
    QTimer::singleShot(10000, this, take);
    view->reload(); // the migrations and the demo data came after the first read
    advance();
}

} // namespace uaip
