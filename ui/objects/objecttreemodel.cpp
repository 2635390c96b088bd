#include "objecttreemodel.h"

#include "objectkindtext.h"
#include "objectsessions.h"

#include <QApplication>
#include <QLocale>
#include <QPointer>
#include <QStyle>

namespace uaip {

namespace {

using Items = std::vector<std::unique_ptr<ObjectTreeItem>>;

// A name on one line: a line break in it shown as the escape a user would type.
QString oneLine(QString text)
{
    return text.replace(u'\n', QStringLiteral("\\n")).replace(u'\r', QStringLiteral("\\r"));
}

} // namespace

ObjectTreeModel::ObjectTreeModel(ObjectSessions *sessions, QObject *parent)
    : QAbstractItemModel(parent)
    , m_sessions(sessions)
    , m_root(std::make_unique<ObjectTreeItem>(ObjectTreeItem::Type::Message, QString()))
{ }

ObjectTreeModel::~ObjectTreeModel() = default;

std::unique_ptr<ObjectTreeItem> ObjectTreeModel::make(ObjectTreeItem::Type type,
                                                      const QString &database)
{
    auto item = std::make_unique<ObjectTreeItem>(type, database);
    item->id = m_nextId++;
    return item;
}

void ObjectTreeModel::reload()
{
    beginResetModel();
    m_pending.clear();
    m_root->clearChildren();
    if (m_sessions->hasTarget()) {
        // The target's database at once (its name as the profile has it until the server
        // says), the others once the server has listed them.
        auto own = make(ObjectTreeItem::Type::Database, m_sessions->targetDatabase());
        own->db.name = m_sessions->targetDatabase();
        own->db.current = true;
        m_root->append(std::move(own));
    }
    endResetModel();
    if (m_sessions->hasTarget())
        readDatabases();
}

void ObjectTreeModel::readDatabases()
{
    const QPointer<ObjectTreeModel> self(this);
    const quint64 ownId = m_root->child(0)->id; // a reload since: the answer is not for it
    m_sessions->read<QList<CatalogDatabase>>(
        QString(), tr("List the databases"),
        [](ObjectCatalog &catalog) { return catalog.databases(); },
        [self, ownId](const Result<QList<CatalogDatabase>> &result) {
            if (!self || self->m_root->childCount() == 0 || self->m_root->child(0)->id != ownId
                || !result)
                return; // the target's database alone: it still opens
            ObjectTreeItem *own = self->m_root->child(0);
            Items others;
            for (const CatalogDatabase &d : result.value()) {
                if (d.current) {
                    own->db = d;
                    own->database = d.name;
                    const QModelIndex at = self->indexOf(own);
                    emit self->dataChanged(at, at.siblingAtColumn(ColumnCount - 1));
                    continue;
                }
                auto item = self->make(ObjectTreeItem::Type::Database, d.name);
                item->db = d;
                others.push_back(std::move(item));
            }
            if (others.empty())
                return;
            const int first = self->m_root->childCount();
            self->beginInsertRows({}, first, first + int(others.size()) - 1);
            for (auto &item : others)
                self->m_root->append(std::move(item));
            self->endInsertRows();
        });
}

void ObjectTreeModel::startLoading(ObjectTreeItem *item)
{
    item->load = ObjectTreeItem::Load::Loading;
    item->error.clear();
    m_pending.insert(item->id, item);
    const QModelIndex at = indexOf(item, DetailColumn);
    emit dataChanged(at, at);
}

void ObjectTreeModel::insertChildren(quint64 id, Items children, const QString &error)
{
    ObjectTreeItem *item = m_pending.take(id);
    if (!item)
        return; // reloaded or unloaded meanwhile
    if (!error.isEmpty()) {
        children.clear();
        auto message = make(ObjectTreeItem::Type::Message, item->database);
        message->message = error;
        children.push_back(std::move(message));
    }
    if (item->type == ObjectTreeItem::Type::Folder && error.isEmpty())
        item->count = qint64(children.size()); // a database's Extensions, Roles: known now
    item->load = error.isEmpty() ? ObjectTreeItem::Load::Loaded : ObjectTreeItem::Load::Failed;
    item->error = error;
    const QModelIndex parent = indexOf(item);
    if (!children.empty()) {
        // one insertion however many rows: a 10,000-table folder is one layout pass
        beginInsertRows(parent, 0, int(children.size()) - 1);
        for (auto &child : children)
            item->append(std::move(child));
        endInsertRows();
    }
    emit dataChanged(parent.siblingAtColumn(DetailColumn), parent.siblingAtColumn(DetailColumn));
    emit levelLoaded(parent, error);
}

void ObjectTreeModel::readSchemas(ObjectTreeItem *database)
{
    startLoading(database);
    const QPointer<ObjectTreeModel> self(this);
    const quint64 id = database->id;
    const QString name = database->database;
    m_sessions->read<QList<CatalogNode>>(
        name, tr("List the schemas of %1").arg(name),
        [](ObjectCatalog &catalog) { return catalog.schemas(); },
        [self, id, name](const Result<QList<CatalogNode>> &result) {
            if (!self)
                return;
            Items children;
            if (result) {
                for (const CatalogNode &n : result.value()) {
                    auto schema = self->make(ObjectTreeItem::Type::Schema, name);
                    schema->node = n;
                    children.push_back(std::move(schema));
                }
                for (ObjectKind kind : {ObjectKind::Extension, ObjectKind::Role}) {
                    auto folder = self->make(ObjectTreeItem::Type::Folder, name);
                    folder->kind = kind;
                    children.push_back(std::move(folder));
                }
            }
            self->insertChildren(id, std::move(children),
                                 result ? QString() : result.error().toString());
        });
}

void ObjectTreeModel::addSchemaFolders(ObjectTreeItem *schema)
{
    const QList<ObjectKind> kinds = objectkind::schemaKinds();
    beginInsertRows(indexOf(schema), 0, int(kinds.size()) - 1);
    for (ObjectKind kind : kinds) {
        auto folder = make(ObjectTreeItem::Type::Folder, schema->database);
        folder->kind = kind;
        folder->schema = schema->node.name;
        folder->count = schema->node.counts.value(kind);
        schema->append(std::move(folder));
    }
    schema->load = ObjectTreeItem::Load::Loaded;
    endInsertRows();
    emit levelLoaded(indexOf(schema), QString());
}

void ObjectTreeModel::readObjects(ObjectTreeItem *folder)
{
    startLoading(folder);
    const QPointer<ObjectTreeModel> self(this);
    const quint64 id = folder->id;
    const QString database = folder->database;
    const QString schema = folder->schema;
    const ObjectKind kind = folder->kind;
    m_sessions->read<QList<CatalogNode>>(
        database, tr("List the %1 of %2").arg(ObjectKindText::folder(kind), schema),
        [schema, kind](ObjectCatalog &catalog) { return catalog.objects(schema, kind); },
        [self, id, database](const Result<QList<CatalogNode>> &result) {
            if (!self)
                return;
            Items children;
            if (result) {
                children.reserve(size_t(result.value().size()));
                for (const CatalogNode &n : result.value()) {
                    auto object = self->make(ObjectTreeItem::Type::Object, database);
                    object->node = n;
                    children.push_back(std::move(object));
                }
            }
            self->insertChildren(id, std::move(children),
                                 result ? QString() : result.error().toString());
        });
}

void ObjectTreeModel::readParts(ObjectTreeItem *object)
{
    startLoading(object);
    const QPointer<ObjectTreeModel> self(this);
    const quint64 id = object->id;
    const QString database = object->database;
    const CatalogNode node = object->node;
    m_sessions->read<QList<CatalogNode>>(
        database, tr("List the parts of %1").arg(node.identity),
        [node](ObjectCatalog &catalog) { return catalog.children(node); },
        [self, id, database](const Result<QList<CatalogNode>> &result) {
            if (!self)
                return;
            Items folders; // one per kind, in the catalog's order (columns first)
            if (result) {
                for (const CatalogNode &n : result.value()) {
                    if (folders.empty() || folders.back()->kind != n.kind) {
                        auto folder = self->make(ObjectTreeItem::Type::Folder, database);
                        folder->kind = n.kind;
                        folder->count = 0;
                        folder->load = ObjectTreeItem::Load::Loaded;
                        folders.push_back(std::move(folder));
                    }
                    auto part = self->make(ObjectTreeItem::Type::Object, database);
                    part->node = n;
                    folders.back()->append(std::move(part));
                    ++folders.back()->count;
                }
            }
            self->insertChildren(id, std::move(folders),
                                 result ? QString() : result.error().toString());
        });
}

bool ObjectTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const ObjectTreeItem *it = item(parent);
    return it && it != m_root.get() && it->load == ObjectTreeItem::Load::NotLoaded
        && it->expandable();
}

void ObjectTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    ObjectTreeItem *it = item(parent);
    switch (it->type) {
    case ObjectTreeItem::Type::Database:
        return readSchemas(it);
    case ObjectTreeItem::Type::Schema:
        return addSchemaFolders(it);
    case ObjectTreeItem::Type::Folder:
        return readObjects(it);
    case ObjectTreeItem::Type::Object:
        return readParts(it);
    case ObjectTreeItem::Type::Message:
        return;
    }
}

void ObjectTreeModel::forget(ObjectTreeItem *it)
{
    m_pending.remove(it->id);
    for (int i = 0; i < it->childCount(); ++i)
        forget(it->child(i));
}

void ObjectTreeModel::unload(const QModelIndex &index)
{
    ObjectTreeItem *it = item(index);
    if (!it || it == m_root.get() || it->load == ObjectTreeItem::Load::NotLoaded
        || it->load == ObjectTreeItem::Load::Loading)
        return;
    if (it->childCount() > 0) {
        beginRemoveRows(index.siblingAtColumn(0), 0, it->childCount() - 1);
        for (int i = 0; i < it->childCount(); ++i)
            forget(it->child(i));
        it->clearChildren();
        endRemoveRows();
    }
    it->load = ObjectTreeItem::Load::NotLoaded;
    it->error.clear();
    const QModelIndex at = indexOf(it, DetailColumn);
    emit dataChanged(at, at);
}

ObjectTreeItem *ObjectTreeModel::item(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<ObjectTreeItem *>(index.internalPointer());
}

QModelIndex ObjectTreeModel::indexOf(const ObjectTreeItem *it, int column) const
{
    if (!it || it == m_root.get())
        return {};
    return createIndex(it->row(), column, const_cast<ObjectTreeItem *>(it));
}

QModelIndex ObjectTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const ObjectTreeItem *it = item(parent)->child(row);
    return it ? createIndex(row, column, const_cast<ObjectTreeItem *>(it)) : QModelIndex();
}

QModelIndex ObjectTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(item(child)->parent());
}

int ObjectTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return item(parent)->childCount();
}

int ObjectTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ObjectTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const ObjectTreeItem *it = item(parent);
    if (it == m_root.get() || it->childCount() > 0)
        return it->childCount() > 0;
    return it->load != ObjectTreeItem::Load::Loaded && it->expandable();
}

QList<CatalogDatabase> ObjectTreeModel::databases() const
{
    QList<CatalogDatabase> out;
    for (int row = 0; row < rowCount(); ++row) {
        const ObjectTreeItem *it = item(index(row, 0));
        CatalogDatabase d = it->db;
        d.name = it->database;
        out << d;
    }
    return out;
}

QModelIndex ObjectTreeModel::targetDatabase() const
{
    for (int i = 0; i < m_root->childCount(); ++i)
        if (m_root->child(i)->db.current)
            return indexOf(m_root->child(i));
    return {};
}

QModelIndex ObjectTreeModel::find(const QString &database, const QString &identity) const
{
    // depth first over what is loaded; a table's parts after the schema's objects
    QList<const ObjectTreeItem *> stack{m_root.get()};
    while (!stack.isEmpty()) {
        const ObjectTreeItem *it = stack.takeLast();
        if ((it->type == ObjectTreeItem::Type::Object || it->type == ObjectTreeItem::Type::Schema)
            && it->database == database && it->node.identity == identity)
            return indexOf(it);
        for (int i = it->childCount() - 1; i >= 0; --i)
            stack.append(it->child(i));
    }
    return {};
}

QVariant ObjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}

QVariant ObjectTreeModel::data(const QModelIndex &index, int role) const
{
    const ObjectTreeItem *it = index.isValid() ? item(index) : nullptr;
    if (!it)
        return {};
    const bool node
        = it->type == ObjectTreeItem::Type::Schema || it->type == ObjectTreeItem::Type::Object;
    switch (role) {
    case Qt::DisplayRole:
        return display(it, index.column());
    case Qt::ToolTipRole:
        return toolTip(it);
    case Qt::DecorationRole: {
        if (index.column() != NameColumn)
            return {};
        QStyle *style = QApplication::style();
        switch (it->type) {
        case ObjectTreeItem::Type::Database:
            return style->standardIcon(QStyle::SP_DriveHDIcon);
        case ObjectTreeItem::Type::Schema:
        case ObjectTreeItem::Type::Folder:
            return style->standardIcon(QStyle::SP_DirIcon);
        case ObjectTreeItem::Type::Object:
            return style->standardIcon(QStyle::SP_FileIcon);
        case ObjectTreeItem::Type::Message:
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    }
    case NameRole:
        return it->type == ObjectTreeItem::Type::Database ? it->database
            : node                                        ? it->node.name
                                                          : QVariant();
    case KindRole:
        return it->type == ObjectTreeItem::Type::Folder ? objectkind::key(it->kind)
            : node                                      ? objectkind::key(it->node.kind)
                                                        : QVariant();
    case IdentityRole:
        return node ? it->node.identity : QVariant();
    default:
        return {};
    }
}

QVariant ObjectTreeModel::display(const ObjectTreeItem *it, int column) const
{
    if (column == DetailColumn)
        return detail(it);
    switch (it->type) {
    case ObjectTreeItem::Type::Database:
        return it->database.isEmpty() ? tr("(default database)") : oneLine(it->database);
    case ObjectTreeItem::Type::Schema:
    case ObjectTreeItem::Type::Object:
        return oneLine(it->node.name);
    case ObjectTreeItem::Type::Folder:
        return it->count >= 0 ? tr("%1 (%2)").arg(ObjectKindText::folder(it->kind)).arg(it->count)
                              : ObjectKindText::folder(it->kind);
    case ObjectTreeItem::Type::Message:
        return oneLine(it->message);
    }
    return {};
}

QString ObjectTreeModel::detail(const ObjectTreeItem *it) const
{
    if (it->load == ObjectTreeItem::Load::Loading)
        return tr("loading…");
    if (it->load == ObjectTreeItem::Load::Failed)
        return tr("could not be read (collapse and expand to try again)");
    switch (it->type) {
    case ObjectTreeItem::Type::Database:
        if (!it->db.allowsConnections)
            return tr("cannot be opened: it does not allow connections");
        if (!it->db.mayConnect)
            return tr("cannot be opened: this role has no CONNECT privilege on it");
        return it->db.current ? tr("this connection's database") : QString();
    case ObjectTreeItem::Type::Schema:
        return tr("%n object(s)", nullptr, int(it->node.childCount));
    case ObjectTreeItem::Type::Object: {
        // a column's type, an index's definition; a relation's size (the catalog's estimate
        // in a schema's listing)
        QStringList parts;
        if (it->node.detailLocked)
            parts << tr("definition not read: the table is locked by another session");
        else if (!it->node.detail.isEmpty())
            parts << oneLine(it->node.detail);
        if (it->node.sizeBytes >= 0) {
            const QString size = QLocale().formattedDataSize(it->node.sizeBytes, 1,
                                                             QLocale::DataSizeTraditionalFormat);
            parts << (it->node.sizeEstimated ? tr("≈ %1").arg(size) : size);
        }
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return QString();
    }
}

QString ObjectTreeModel::sizeTip(const CatalogNode &node)
{
    const QString size
        = QLocale().formattedDataSize(node.sizeBytes, 1, QLocale::DataSizeTraditionalFormat);
    const bool whole = node.kind == ObjectKind::Table || node.kind == ObjectKind::Partition
        || node.kind == ObjectKind::MaterializedView;
    if (!node.sizeEstimated)
        return whole ? tr("Size: %1 total (table, TOAST and indexes)").arg(size)
                     : tr("Size: %1").arg(size);
    return whole ? tr("Size: about %1 total (table, TOAST and indexes): the catalog's estimate "
                      "as of the last VACUUM or ANALYZE; select it for the exact size")
                       .arg(size)
                 : tr("Size: about %1: the catalog's estimate as of the last VACUUM or ANALYZE; "
                      "select it for the exact size")
                       .arg(size);
}

QString ObjectTreeModel::toolTip(const ObjectTreeItem *it) const
{
    switch (it->type) {
    case ObjectTreeItem::Type::Database: {
        const QString why = detail(it);
        return why.isEmpty() ? it->database : it->database + u'\n' + why;
    }
    case ObjectTreeItem::Type::Schema:
    case ObjectTreeItem::Type::Object: {
        QString tip = ObjectKindText::one(it->node.kind) + u' ' + it->node.identity;
        if (!it->node.comment.isEmpty())
            tip += u'\n' + it->node.comment;
        if (it->node.sizeBytes >= 0)
            tip += u'\n' + sizeTip(it->node);
        return tip;
    }
    case ObjectTreeItem::Type::Message:
        return it->message;
    default:
        return detail(it);
    }
}

} // namespace uaip
