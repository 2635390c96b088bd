#pragma once

#include "objecttreeitem.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

namespace uaip {

class ObjectSessions;

// The Objects view's tree, read lazily (issue 46): the server's databases (the target's first;
// another one read on a session of its own when expanded), a database's schemas with their
// counts and its Extensions and Roles, a schema's folders per kind, a folder's objects, a
// table's parts grouped by kind. A level is read when the view asks for it (canFetchMore /
// fetchMore, on expanding), on the database's worker (ObjectSessions), and its rows go in
// with one beginInsertRows however many there are. A level that failed shows why as its only
// row; unload() forgets it, so expanding the node again reads it again.
class ObjectTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole + 1, // the name as the catalog has it (line breaks and all)
        KindRole, // the objectkind key of a schema, object or part; a folder's contents
        IdentityRole, // the identity as SQL writes it
    };

    explicit ObjectTreeModel(ObjectSessions *sessions, QObject *parent = nullptr);
    ~ObjectTreeModel() override;

    // Forgets everything and, with a target, starts again from the server's databases.
    void reload();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    ObjectTreeItem *item(const QModelIndex &index) const;
    QModelIndex indexOf(const ObjectTreeItem *item, int column = 0) const;
    // The target's database node (invalid without a target).
    QModelIndex targetDatabase() const;
    // The server's databases as the tree lists them, the connection's own first.
    QList<CatalogDatabase> databases() const;
    // A loaded node of database whose identity is identity (invalid if none is loaded).
    QModelIndex find(const QString &database, const QString &identity) const;
    // A failed level is read again on the next expansion.
    void unload(const QModelIndex &index);

signals:
    // A node's children arrived (or its read failed: then error is why).
    void levelLoaded(const QModelIndex &parent, const QString &error);

private:
    std::unique_ptr<ObjectTreeItem> make(ObjectTreeItem::Type type, const QString &database);
    void readDatabases();
    void readSchemas(ObjectTreeItem *database);
    void readObjects(ObjectTreeItem *folder);
    void readParts(ObjectTreeItem *object);
    void addSchemaFolders(ObjectTreeItem *schema);
    void startLoading(ObjectTreeItem *item);
    // The children read for the pending node id (dropped when it is gone), or why not.
    void insertChildren(quint64 id, std::vector<std::unique_ptr<ObjectTreeItem>> children,
                        const QString &error);
    void forget(ObjectTreeItem *item); // item and its descendants leave m_pending
    QVariant display(const ObjectTreeItem *item, int column) const;
    QString detail(const ObjectTreeItem *item) const;
    QString toolTip(const ObjectTreeItem *item) const;
    // What a node's size measures: a table's is its total, the tree's its catalog estimate.
    static QString sizeTip(const CatalogNode &node);

    ObjectSessions *m_sessions;
    std::unique_ptr<ObjectTreeItem> m_root;
    QHash<quint64, ObjectTreeItem *> m_pending; // nodes whose read has not answered yet
    quint64 m_nextId = 1;
};

} // namespace uaip
