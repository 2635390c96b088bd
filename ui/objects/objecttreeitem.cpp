#include "objecttreeitem.h"

namespace uaip {

ObjectTreeItem::ObjectTreeItem(Type itemType, const QString &itemDatabase)
    : type(itemType)
    , database(itemDatabase)
{ }

ObjectTreeItem *ObjectTreeItem::child(int row) const
{
    return row >= 0 && row < childCount() ? m_children[size_t(row)].get() : nullptr;
}

ObjectTreeItem *ObjectTreeItem::append(std::unique_ptr<ObjectTreeItem> item)
{
    item->m_parent = this;
    item->m_row = childCount();
    m_children.push_back(std::move(item));
    return m_children.back().get();
}

void ObjectTreeItem::clearChildren()
{
    m_children.clear();
}

bool ObjectTreeItem::expandable() const
{
    switch (type) {
    case Type::Database:
        return db.canOpen();
    case Type::Schema:
        return node.childCount > 0;
    case Type::Folder:
        return count != 0;
    case Type::Object:
        switch (node.kind) {
        case ObjectKind::Table:
        case ObjectKind::Partition:
        case ObjectKind::View:
        case ObjectKind::MaterializedView:
            return node.childCount > 0 || load == Load::Failed;
        default:
            return false;
        }
    case Type::Message:
        return false;
    }
    return false;
}

QString ObjectTreeItem::key() const
{
    QString own;
    switch (type) {
    case Type::Database:
        own = QStringLiteral("d:") + database;
        break;
    case Type::Schema:
    case Type::Object:
        own = objectkind::key(node.kind) + u':' + node.identity;
        break;
    case Type::Folder:
        own = QStringLiteral("f:") + objectkind::key(kind);
        break;
    case Type::Message:
        own = QStringLiteral("m:") + message;
        break;
    }
    return m_parent ? m_parent->key() + u'\n' + own : own;
}

} // namespace uaip
