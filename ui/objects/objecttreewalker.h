#pragma once

#include "objects/catalognode.h"

#include <QList>
#include <QObject>
#include <QPersistentModelIndex>

#include <functional>
#include <optional>

class QTreeView;

namespace uaip {

class ObjectTreeItem;
class ObjectTreeModel;

// Goes to a node of the Objects view's tree that may not be read yet (a search's result, an
// object another one uses): level by level from the top, expanding each node on the way (which
// reads it) and going on once its children are there, then selects the node. Lost when a level
// read has no child for the next step (the object was dropped, or the tree has no place for
// it). A new walk ends the one before.
class ObjectTreeWalker : public QObject
{
    Q_OBJECT
public:
    // One step down: whether a child is the one to go into.
    using Step = std::function<bool(const ObjectTreeItem &item)>;

    ObjectTreeWalker(QTreeView *tree, ObjectTreeModel *model, QObject *parent = nullptr);

    // The steps from the top to node of database: its database, then schema, kind folder and
    // itself; a database's extension or role through its folder; a table's part through its
    // table (given: table, a table, view, materialized view or partitioned table of a schema),
    // the part's folder and itself. Empty when the tree has no place for it (a part without its
    // table, a partition found by name).
    static QList<Step> pathTo(const QString &database, const CatalogNode &node,
                              const std::optional<CatalogNode> &table = std::nullopt);

    void walk(const QList<Step> &path);
    void stop();
    bool walking() const { return m_walking; }

signals:
    // The node is selected in the tree.
    void arrived(const QModelIndex &index);
    // A level was read without the next step's node.
    void lost();

private:
    void step();

    QTreeView *m_tree;
    ObjectTreeModel *m_model;
    QList<Step> m_path;
    int m_next = 0; // the step to take next
    QPersistentModelIndex m_at; // where the walk is (the top before the first step)
    bool m_walking = false;
};

} // namespace uaip
