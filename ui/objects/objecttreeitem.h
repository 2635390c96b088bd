#pragma once

#include "objects/catalogdatabase.h"
#include "objects/catalognode.h"

#include <QString>

#include <memory>
#include <vector>

namespace uaip {

// One node of the Objects view's tree (ObjectTreeModel): a database of the server, a schema, a
// folder of one kind (a schema's Tables, a database's Extensions, a table's Columns), an object
// or a table's part, or a message where a level could not be read. Each knows the database it
// belongs to and whether its children were read.
class ObjectTreeItem
{
public:
    enum class Type { Database, Schema, Folder, Object, Message };
    enum class Load { NotLoaded, Loading, Loaded, Failed };

    ObjectTreeItem(Type type, const QString &database);

    Type type;
    QString database; // the database the node belongs to (its name, as pg_database has it)
    quint64 id = 0; // unique in its model; a pending read finds its node by it
    CatalogDatabase db; // Type::Database
    CatalogNode node; // Type::Schema and Type::Object
    ObjectKind kind = ObjectKind::Table; // Type::Folder: what it holds
    QString schema; // Type::Folder: its schema (empty for a database's and a table's folders)
    qint64 count = -1; // Type::Folder: how many it holds, -1 unknown
    QString message; // Type::Message
    Load load = Load::NotLoaded;
    QString error; // Load::Failed: why

    ObjectTreeItem *parent() const { return m_parent; }
    int row() const { return m_row; }
    int childCount() const { return int(m_children.size()); }
    ObjectTreeItem *child(int row) const;
    // Adds child as the last one; returns it.
    ObjectTreeItem *append(std::unique_ptr<ObjectTreeItem> child);
    void clearChildren();

    // May have children (the tree shows an expander): a database that can be opened, a schema
    // or folder holding something, a table, view, materialized view or partition.
    bool expandable() const;
    // Stable across reloads: what a node is, for keeping the expanded ones expanded.
    QString key() const;

private:
    ObjectTreeItem *m_parent = nullptr;
    int m_row = 0;
    std::vector<std::unique_ptr<ObjectTreeItem>> m_children;
};

} // namespace uaip
