#include "entitymodel.h"

#include "browse/dbworker.h"
#include "browse/saveexecutor.h"
#include "browse/saveplanner.h"

#include <QPointer>

namespace uaip {

namespace {

const QString kLoading = QStringLiteral("…");
const QString kNull = QStringLiteral("NULL");
const QString kDefault = QStringLiteral("DEFAULT");
const QString kGenerated = QStringLiteral("GENERATED");
constexpr int kDisplayLimit = 500;

} // namespace

EntityModel::EntityModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new PageLoader(this))
{
    connect(m_loader, &PageLoader::aboutToReset, this, [this] {
        beginResetModel();
        if (m_clearOnReset) {
            m_edits.clear();
            refreshInserts();
        }
    });
    connect(m_loader, &PageLoader::resetDone, this, [this] { endResetModel(); });
    connect(m_loader, &PageLoader::opened, this, [this] {
        beginResetModel();
        endResetModel();
        emit tableOpened();
    });
    connect(m_loader, &PageLoader::aboutToAppend, this, [this](qint64 first, qint64 last) {
        const int ins = int(m_inserts.size());
        beginInsertRows({}, int(first) + ins, int(last) + ins);
    });
    connect(m_loader, &PageLoader::appended, this, [this] { endInsertRows(); });
    connect(m_loader, &PageLoader::aboutToTruncate, this, [this](qint64 first, qint64 last) {
        const int ins = int(m_inserts.size());
        beginRemoveRows({}, int(first) + ins, int(last) + ins);
    });
    connect(m_loader, &PageLoader::truncated, this, [this] { endRemoveRows(); });
    connect(m_loader, &PageLoader::rowsLoaded, this, [this](qint64 first, qint64 last) {
        const int ins = int(m_inserts.size());
        emit dataChanged(index(int(first) + ins, 0), index(int(last) + ins, columnCount() - 1));
    });
}

EntityModel::~EntityModel() = default;

void EntityModel::setConnection(const QString &conninfo, const QString &readOnlyReason)
{
    m_profileReason = readOnlyReason;
    m_loader->setConnection(conninfo);
}

void EntityModel::openTable(const QString &schema, const QString &name, const BrowseQuery &query)
{
    m_clearOnReset = true;
    m_loader->open(schema, name, query);
    m_clearOnReset = false;
    emit pendingChanged(0);
}

QString EntityModel::readOnlyReason() const
{
    if (!m_profileReason.isEmpty())
        return m_profileReason;
    if (!table().isValid())
        return QStringLiteral("No table is open.");
    return table().readOnlyReason();
}

void EntityModel::refreshInserts()
{
    m_inserts = m_edits.insertKeys();
}

QVariantList EntityModel::primaryKeyOf(const RowData &row) const
{
    QVariantList key;
    for (const int c : table().primaryKey)
        key << row.values.value(c);
    return key;
}

int EntityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_inserts.size() + m_loader->rowCount());
}

int EntityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(table().columns.size());
}

const RowData *EntityModel::dbRow(int row) const
{
    const int ins = int(m_inserts.size());
    return row < ins ? nullptr : m_loader->row(row - ins);
}

QString EntityModel::rowKey(int row) const
{
    if (row < m_inserts.size())
        return m_inserts.value(row);
    const RowData *r = dbRow(row);
    return r && table().hasPrimaryKey() ? StagedEdits::keyFor(primaryKeyOf(*r)) : QString();
}

EntityModel::RowState EntityModel::rowState(int row) const
{
    if (row < m_inserts.size())
        return RowState::Inserted;
    if (!dbRow(row))
        return RowState::Unloaded;
    const StagedRow *s = m_edits.isEmpty() ? nullptr : m_edits.find(rowKey(row));
    if (!s)
        return RowState::Clean;
    return s->kind == StagedRow::Kind::Delete ? RowState::Deleted : RowState::Modified;
}

QVariant EntityModel::cellValue(int row, int column, bool *isDefault) const
{
    *isDefault = false;
    if (row < m_inserts.size()) {
        const StagedRow *s = m_edits.find(m_inserts[row]);
        if (s && s->changes.contains(column))
            return s->changes.value(column);
        *isDefault = true;
        return QVariant();
    }
    const RowData *r = dbRow(row);
    if (!r)
        return QVariant();
    if (!m_edits.isEmpty())
        if (const StagedRow *s = m_edits.find(rowKey(row)); s && s->changes.contains(column))
            return s->changes.value(column);
    return r->values.value(column);
}

QVariant EntityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const ColumnInfo &info = table().columns[column];
    const bool loaded = row < m_inserts.size() || dbRow(row);
    if (role == LoadedRole)
        return loaded;
    if (!loaded)
        return role == Qt::DisplayRole ? QVariant(kLoading) : QVariant();
    bool isDefault = false;
    const QVariant value = cellValue(row, column, &isDefault);
    const StagedRow *staged = m_edits.isEmpty() ? nullptr : m_edits.find(rowKey(row));
    switch (role) {
    case Qt::DisplayRole:
        if (isDefault)
            return info.generated ? kGenerated : kDefault;
        if (value.isNull())
            return kNull;
        return value.toString().left(kDisplayLimit);
    case Qt::EditRole:
        return value;
    case NullRole:
        return !isDefault && value.isNull();
    case StateRole:
        if (isDefault)
            return int(info.generated ? CellState::Generated : CellState::Default);
        if (staged && staged->changes.contains(column))
            return int(CellState::Modified);
        return int(info.generated ? CellState::Generated : CellState::Clean);
    case RowStateRole:
        return int(rowState(row));
    case ErrorRole:
    case Qt::ToolTipRole:
        if (staged && !staged->errorMessage.isEmpty()
            && (staged->errorColumn.isEmpty() || staged->errorColumn == info.name))
            return staged->errorMessage;
        if (role == Qt::ToolTipRole && isDefault)
            return info.generated ? QStringLiteral("Generated column")
                                  : QStringLiteral("Default: %1")
                                        .arg(info.defaultExpr.isEmpty() ? kNull : info.defaultExpr);
        return {};
    default:
        return {};
    }
}

QVariant EntityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole)
            return {};
        return section < m_inserts.size() ? QVariant(QStringLiteral("+"))
                                          : QVariant(section - m_inserts.size() + 1);
    }
    if (section < 0 || section >= columnCount())
        return {};
    const ColumnInfo &c = table().columns[section];
    if (role == Qt::DisplayRole)
        return c.primaryKey ? QStringLiteral("%1 (key)").arg(c.name) : c.name;
    if (role == Qt::ToolTipRole) {
        QString tip = c.displayType + (c.notNull ? QStringLiteral(" NOT NULL") : QString());
        if (!c.defaultExpr.isEmpty())
            tip += QStringLiteral("\nDEFAULT %1").arg(c.defaultExpr);
        if (c.generated)
            tip += QStringLiteral("\nGENERATED ALWAYS (not editable)");
        if (!c.identity.isEmpty())
            tip += c.identity == QLatin1String("a") ? QStringLiteral("\nIDENTITY ALWAYS")
                                                    : QStringLiteral("\nIDENTITY BY DEFAULT");
        return tip;
    }
    return {};
}

Qt::ItemFlags EntityModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const ColumnInfo &c = table().columns.value(index.column());
    const RowState state = rowState(index.row());
    if (isEditable() && !c.readOnly() && state != RowState::Deleted && state != RowState::Unloaded)
        f |= Qt::ItemIsEditable;
    return f;
}

bool EntityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QVariant v = value.isNull() ? QVariant() : QVariant(value.toString());
    const int row = index.row();
    if (row < m_inserts.size()) {
        m_edits.setInsertValue(m_inserts[row], index.column(), v);
    } else {
        const RowData *r = dbRow(row);
        if (!r)
            return false;
        m_edits.setValue(primaryKeyOf(*r), r->xmin, r->values, index.column(), v);
    }
    emitRowChanged(row);
    emit pendingChanged(m_edits.count());
    return true;
}

void EntityModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void EntityModel::sort(int column, Qt::SortOrder order)
{
    BrowseQuery q = query();
    if (column < 0 || column >= columnCount()) {
        q.sortColumn.clear();
    } else {
        if (!table().columns[column].sortable)
            return;
        q.sortColumn = table().columns[column].name;
    }
    q.descending = order == Qt::DescendingOrder;
    m_loader->setQuery(q);
}

bool EntityModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader->canFetchMore();
}

void EntityModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        m_loader->fetchMore();
}

QVariantList EntityModel::rowValues(int row) const
{
    QVariantList values;
    if (row >= m_inserts.size() && !dbRow(row))
        return values;
    bool isDefault = false;
    for (int c = 0; c < columnCount(); ++c)
        values << cellValue(row, c, &isDefault);
    return values;
}

int EntityModel::insertNewRow(const QHash<int, QVariant> &values)
{
    if (!isEditable())
        return -1;
    const int position = int(m_inserts.size());
    beginInsertRows({}, position, position);
    m_edits.addInsert(values);
    refreshInserts();
    endInsertRows();
    emit pendingChanged(m_edits.count());
    return position;
}

int EntityModel::duplicateRow(int row)
{
    const QVariantList values = rowValues(row);
    if (values.isEmpty())
        return -1;
    QHash<int, QVariant> copy;
    for (int c = 0; c < values.size(); ++c) {
        const ColumnInfo &info = table().columns[c];
        // The copy gets a fresh key from the default (gen_random_uuid(), identity, serial).
        if (info.readOnly() || (info.primaryKey && info.hasDefault()))
            continue;
        bool isDefault = false;
        cellValue(row, c, &isDefault);
        if (!isDefault)
            copy.insert(c, values[c]);
    }
    return insertNewRow(copy);
}

void EntityModel::deleteRows(const QList<int> &rows)
{
    if (!isEditable())
        return;
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), std::greater<int>());
    for (const int row : sorted) {
        if (row < m_inserts.size()) {
            beginRemoveRows({}, row, row);
            m_edits.remove(m_inserts[row]);
            refreshInserts();
            endRemoveRows();
        } else if (const RowData *r = dbRow(row)) {
            m_edits.markDeleted(primaryKeyOf(*r), r->xmin, r->values);
            emitRowChanged(row);
        }
    }
    emit pendingChanged(m_edits.count());
}

void EntityModel::revertAll()
{
    beginResetModel();
    m_edits.clear();
    refreshInserts();
    endResetModel();
    emit pendingChanged(0);
}

void EntityModel::revertRow(int row)
{
    if (row < m_inserts.size()) {
        beginRemoveRows({}, row, row);
        m_edits.remove(m_inserts[row]);
        refreshInserts();
        endRemoveRows();
    } else {
        m_edits.remove(rowKey(row));
        emitRowChanged(row);
    }
    emit pendingChanged(m_edits.count());
}

SavePlan EntityModel::savePlan() const
{
    return SavePlanner::plan(table(), m_edits);
}

void EntityModel::save(const SavePlan &plan)
{
    if (m_saving || plan.isEmpty() || !m_loader->worker())
        return;
    m_saving = true;
    m_edits.clearErrors();
    QPointer<EntityModel> self(this);
    m_loader->worker()->post([self, plan, table = table()](PgConnection &c) {
        const SaveResult result = SaveExecutor::run(c, table, plan);
        DbWorker::reply(self, [self, result] {
            if (self)
                self->onSaved(result);
        });
    });
}

void EntityModel::onSaved(const SaveResult &saved)
{
    m_saving = false;
    SaveResult result = saved;
    if (result.ok) {
        m_clearOnReset = true;
        m_loader->reload();
        m_clearOnReset = false;
        emit pendingChanged(0);
    } else {
        for (RowConflict &c : result.conflicts)
            if (const StagedRow *s = m_edits.find(c.rowKey)) {
                c.original = s->original;
                c.ours = s->ours();
            }
        if (!result.failedRowKey.isEmpty())
            m_edits.setError(result.failedRowKey, result.failedColumn, result.message);
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    emit saveFinished(result);
}

void EntityModel::keepMine(const RowConflict &conflict)
{
    if (conflict.deletedByThem) {
        takeTheirs(conflict);
        return;
    }
    m_edits.rebase(conflict.rowKey, conflict.theirXmin, conflict.theirs);
    m_loader->reload();
}

void EntityModel::takeTheirs(const RowConflict &conflict)
{
    m_edits.remove(conflict.rowKey);
    m_loader->reload();
    emit pendingChanged(m_edits.count());
}

} // namespace uaip
