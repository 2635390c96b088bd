#include "objecttreewalker.h"

#include "objecttreemodel.h"

#include <QTreeView>

namespace uaip {

namespace {

using WalkStep = ObjectTreeWalker::Step;
using ItemType = ObjectTreeItem::Type;

WalkStep databaseStep(const QString &name)
{
    return [name](const ObjectTreeItem &it) {
        return it.type == ItemType::Database && it.database == name;
    };
}

WalkStep schemaStep(const QString &name)
{
    return [name](const ObjectTreeItem &it) {
        return it.type == ItemType::Schema && it.node.name == name;
    };
}

WalkStep folderStep(ObjectKind kind)
{
    return
        [kind](const ObjectTreeItem &it) { return it.type == ItemType::Folder && it.kind == kind; };
}

WalkStep objectStep(const CatalogNode &node)
{
    // a column's oid is its table's: its name tells it apart
    const bool column = node.kind == ObjectKind::Column;
    return [kind = node.kind, oid = node.oid, name = node.name, column](const ObjectTreeItem &it) {
        return (it.type == ItemType::Object || it.type == ItemType::Schema) && it.node.kind == kind
            && it.node.oid == oid && (!column || it.node.name == name);
    };
}

// The steps to a schema's object (not the database's).
QList<WalkStep> schemaPath(const QString &db, const CatalogNode &node)
{
    if (!objectkind::schemaKinds().contains(node.kind) || node.schema.isEmpty()
        || node.detail == u"partition")
        return {};
    return {databaseStep(db), schemaStep(node.schema), folderStep(node.kind), objectStep(node)};
}

} // namespace

ObjectTreeWalker::ObjectTreeWalker(QTreeView *tree, ObjectTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_tree(tree)
    , m_model(model)
{
    // queued: the tree has taken the new rows in before the walk selects one of them
    connect(m_model, &ObjectTreeModel::levelLoaded, this, &ObjectTreeWalker::step,
            Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ObjectTreeWalker::step,
            Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ObjectTreeWalker::stop);
}

QList<WalkStep> ObjectTreeWalker::pathTo(const QString &db, const CatalogNode &node,
                                         const std::optional<CatalogNode> &table)
{
    switch (node.kind) {
    case ObjectKind::Schema:
        return {databaseStep(db), objectStep(node)};
    case ObjectKind::Extension:
    case ObjectKind::Role:
        return {databaseStep(db), folderStep(node.kind), objectStep(node)};
    case ObjectKind::Column:
    case ObjectKind::Constraint:
    case ObjectKind::Index:
    case ObjectKind::Trigger:
    case ObjectKind::Policy:
    case ObjectKind::Partition: {
        if (!table)
            return {};
        QList<WalkStep> path = schemaPath(db, *table);
        if (!path.isEmpty())
            path << folderStep(node.kind) << objectStep(node);
        return path;
    }
    default:
        return schemaPath(db, node);
    }
}

void ObjectTreeWalker::walk(const QList<Step> &path)
{
    m_path = path;
    m_next = 0;
    m_at = QPersistentModelIndex();
    m_walking = !path.isEmpty();
    if (m_walking)
        step();
    else
        emit lost();
}

void ObjectTreeWalker::stop()
{
    m_walking = false;
    m_path.clear();
}

void ObjectTreeWalker::step()
{
    while (m_walking) {
        if (m_next > 0 && !m_at.isValid()) {
            stop(); // its node went (a reload)
            emit lost();
            return;
        }
        const QModelIndex parent = m_at;
        const ObjectTreeItem *here = m_model->item(parent);
        QModelIndex found;
        for (int row = 0; row < m_model->rowCount(parent) && !found.isValid(); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (m_path[m_next](*m_model->item(child)))
                found = child;
        }
        if (!found.isValid()) {
            if (m_next == 0 || here->load == ObjectTreeItem::Load::Loading)
                return; // the databases not listed yet, or the level being read: wait for it
            stop(); // read without it, or nothing to read
            emit lost();
            return;
        }
        if (++m_next == m_path.size()) {
            stop();
            m_tree->setCurrentIndex(found);
            m_tree->scrollTo(found);
            emit arrived(found);
            return;
        }
        m_at = found;
        m_tree->expand(found);
        if (m_model->canFetchMore(found)) // a tree laid out later does not fetch on expanding
            m_model->fetchMore(found);
    }
}

} // namespace uaip
