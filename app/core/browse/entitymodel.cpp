#include "entitymodel.h"

#include "numericcellvalue.h"
#include "textcellvalue.h"
#include "valuesyntax.h"

#include <QLocale>

namespace uaip {

namespace {

const QString kLoading = QStringLiteral("…");
const QString kNull = QStringLiteral("NULL");
const QString kDefault = QStringLiteral("DEFAULT");
const QString kGenerated = QStringLiteral("GENERATED");
constexpr int kDisplayLimit = 500;
const QString kNewline = QString(QChar(0x23CE)); // ⏎: a line break in a one-line cell

QString oneLine(const QString &text)
{
    QString out = text.left(kDisplayLimit);
    out.replace(QStringLiteral("\r\n"), kNewline);
    out.replace(u'\n', kNewline);
    out.replace(u'\r', kNewline);
    return out;
}

} // namespace

EntityModel::EntityModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new PageLoader(this))
    , m_editor(new EntityEditor(m_loader, this))
{
    connectLoader();
    connectEditor();
}

EntityModel::~EntityModel() = default;

void EntityModel::connectLoader()
{
    connect(m_loader, &PageLoader::aboutToReset, this, [this] {
        beginResetModel();
        m_editor->loaderAboutToReset();
    });
    connect(m_loader, &PageLoader::resetDone, this, [this] { endResetModel(); });
    connect(m_loader, &PageLoader::opened, this, [this] {
        beginResetModel();
        endResetModel();
        emit tableOpened();
    });
    connect(m_loader, &PageLoader::detailsLoaded, this, [this] {
        // defaults in the header's tool tips; editability follows isEditable()
        if (columnCount() > 0)
            emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        emit tableDetailsLoaded();
    });
    connect(m_loader, &PageLoader::aboutToAppend, this, [this](qint64 first, qint64 last) {
        const int ins = m_editor->insertCount();
        beginInsertRows({}, int(first) + ins, int(last) + ins);
    });
    connect(m_loader, &PageLoader::appended, this, [this] { endInsertRows(); });
    connect(m_loader, &PageLoader::aboutToTruncate, this, [this](qint64 first, qint64 last) {
        const int ins = m_editor->insertCount();
        beginRemoveRows({}, int(first) + ins, int(last) + ins);
    });
    connect(m_loader, &PageLoader::truncated, this, [this] { endRemoveRows(); });
    connect(m_loader, &PageLoader::rowsLoaded, this, [this](qint64 first, qint64 last) {
        const int ins = m_editor->insertCount();
        emit dataChanged(index(int(first) + ins, 0), index(int(last) + ins, columnCount() - 1));
    });
}

void EntityModel::connectEditor()
{
    connect(m_editor, &EntityEditor::aboutToInsertRow, this,
            [this](int row) { beginInsertRows({}, row, row); });
    connect(m_editor, &EntityEditor::rowInserted, this, [this] { endInsertRows(); });
    connect(m_editor, &EntityEditor::aboutToRemoveRow, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(m_editor, &EntityEditor::rowRemoved, this, [this] { endRemoveRows(); });
    connect(m_editor, &EntityEditor::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_editor, &EntityEditor::resetDone, this, [this] { endResetModel(); });
    connect(m_editor, &EntityEditor::rowChanged, this, &EntityModel::emitRowChanged);
    connect(m_editor, &EntityEditor::allRowsChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    connect(m_editor, &EntityEditor::pendingChanged, this, &EntityModel::pendingChanged);
    connect(m_editor, &EntityEditor::saveFinished, this, &EntityModel::saveFinished);
}

namespace {

// Same server, database and user: the open table and its edits may stay (the save job still
// checks the database identity before it writes).
bool sameTarget(const std::optional<SessionSpec> &a, const std::optional<SessionSpec> &b)
{
    if (!a || !b)
        return false;
    const ConnectionProfile &x = a->profile;
    const ConnectionProfile &y = b->profile;
    return x.name == y.name && x.host == y.host && x.port == y.port && x.database == y.database
        && x.user == y.user && x.readOnly == y.readOnly && x.sslMode == y.sslMode
        && a->password == b->password;
}

} // namespace

void EntityModel::setTarget(const std::optional<SessionSpec> &spec, const QString &readOnlyReason)
{
    m_profileReason = readOnlyReason;
    if (sameTarget(spec, m_loader->target()))
        return; // the same sessions serve it
    // Another database: nothing of the open table (rows, staged edits) belongs to it.
    if (table().isValid() || m_editor->stagedEdits().count() > 0)
        closeTable();
    m_loader->setTarget(spec);
}

void EntityModel::closeTable()
{
    m_editor->resetDiscarding([this] { m_loader->close(); });
    emit pendingChanged(0);
    emit tableOpened();
}

void EntityModel::openTable(const QString &schema, const QString &name, const BrowseQuery &query)
{
    m_editor->resetDiscarding([&] { m_loader->open(schema, name, query); });
    emit pendingChanged(0);
}

QString EntityModel::readOnlyReason() const
{
    if (!m_profileReason.isEmpty())
        return m_profileReason;
    if (!table().isValid())
        return tr("No table is open.");
    return table().readOnlyReason();
}

QString EntityModel::insertReadOnlyReason() const
{
    if (!m_profileReason.isEmpty())
        return m_profileReason;
    if (!table().isValid())
        return tr("No table is open.");
    return table().insertReadOnlyReason();
}

int EntityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_editor->insertCount() + m_loader->rowCount());
}

int EntityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(table().columns.size());
}

EntityModel::RowState EntityModel::rowState(int row) const
{
    if (m_editor->isInserted(row))
        return RowState::Inserted;
    if (!m_editor->dbRow(row))
        return RowState::Unloaded;
    const StagedRow *s = m_editor->staged(row);
    if (!s)
        return RowState::Clean;
    return s->kind == StagedRow::Kind::Delete ? RowState::Deleted : RowState::Modified;
}

QVariant EntityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const ColumnInfo &info = table().columns[column];
    const bool loaded = m_editor->isInserted(row) || m_editor->dbRow(row);
    if (role == LoadedRole)
        return loaded;
    if (!loaded)
        return role == Qt::DisplayRole ? QVariant(kLoading) : QVariant();
    bool isDefault = false;
    const QVariant value = m_editor->cellValue(row, column, &isDefault);
    const StagedRow *staged = m_editor->staged(row);
    switch (role) {
    case Qt::DisplayRole:
        if (isDefault)
            return info.generated ? kGenerated : kDefault;
        if (value.isNull())
            return kNull;
        if (NumericCellValue::isNumeric(info))
            return NumericCellValue::toDisplay(value.toString(), QLocale());
        return oneLine(value.toString());
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
        if (role == Qt::ToolTipRole && isSaving())
            return tr("Read-only while the save runs: edits made now could not be "
                      "part of it. Wait for it or cancel it (Cancel save).");
        if (role == Qt::ToolTipRole && isDefault)
            return info.generated
                ? tr("Generated column")
                : tr("Default: %1").arg(info.defaultExpr.isEmpty() ? kNull : info.defaultExpr);
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
        const int ins = m_editor->insertCount();
        return section < ins ? QVariant(QStringLiteral("+")) : QVariant(section - ins + 1);
    }
    if (section < 0 || section >= columnCount())
        return {};
    const ColumnInfo &c = table().columns[section];
    if (role == Qt::DisplayRole)
        return c.primaryKey ? tr("%1 (key)").arg(c.name) : c.name;
    if (role == Qt::ToolTipRole) {
        QString tip = c.displayType + (c.notNull ? QStringLiteral(" NOT NULL") : QString());
        if (!c.defaultExpr.isEmpty())
            tip += QStringLiteral("\nDEFAULT %1").arg(c.defaultExpr);
        if (c.generated)
            tip += u'\n' + tr("GENERATED ALWAYS (not editable)");
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
    // A staged insert needs no key; changing a loaded row does. Nothing changes during a save.
    const bool inserted = state == RowState::Inserted;
    const bool allowed = inserted ? canInsert() : isEditable();
    if (allowed && !isSaving() && !c.readOnly() && state != RowState::Deleted
        && state != RowState::Unloaded
        && table().columnReadOnlyReason(index.column(), inserted).isEmpty())
        f |= Qt::ItemIsEditable;
    return f;
}

QString EntityModel::cellReadOnlyReason(const QModelIndex &index) const
{
    if (!index.isValid())
        return tr("No cell is selected.");
    if (isSaving())
        return tr("A save is running.");
    const RowState state = rowState(index.row());
    const bool inserted = state == RowState::Inserted;
    if (const QString reason = inserted ? insertReadOnlyReason() : readOnlyReason();
        !reason.isEmpty())
        return reason;
    if (state == RowState::Deleted)
        return tr("The row is staged for deletion.");
    if (state == RowState::Unloaded)
        return tr("The row is still loading.");
    if (const QString reason = table().columnReadOnlyReason(index.column(), inserted);
        !reason.isEmpty())
        return reason;
    if (m_loader->detailsPending())
        return tr("The table's constraints are still being read.");
    return QString();
}

QString EntityModel::deleteReadOnlyReason() const
{
    if (!m_profileReason.isEmpty())
        return m_profileReason;
    if (!table().isValid())
        return tr("No table is open.");
    return table().deleteReadOnlyReason();
}

bool EntityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QVariant v = value.isNull() ? QVariant() : QVariant(value.toString());
    const ColumnInfo &info = table().columns[index.column()];
    if (!v.isNull() && NumericCellValue::isNumeric(info)) {
        // Never a number the column would round, cut or refuse (the editors parse the
        // locale's format; this is the server's).
        const NumericCellValue checked = NumericCellValue::check(v.toString(), info);
        if (!checked.ok()) {
            emit valueRefused(index, checked.error());
            return false;
        }
    }
    // Never a text the column would refuse or cut (paste, row form, a caller of ours), nor a
    // JSON, array or bytea literal the server would refuse at Save.
    if (!v.isNull()) {
        QString refused = TextCellValue::refusal(v.toString(), info);
        if (refused.isEmpty())
            refused = ValueSyntax::refusal(v.toString(), table(), index.column());
        if (!refused.isEmpty()) {
            emit valueRefused(index, refused);
            return false;
        }
    }
    return m_editor->setValue(index.row(), index.column(), v);
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
        // Before the details, sortability is not known: PageLoader keeps the query for then.
        if (!m_loader->detailsPending() && !table().columns[column].sortable)
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

int EntityModel::insertNewRow(const QHash<int, QVariant> &values)
{
    return canInsert() && !isSaving() ? m_editor->insertNewRow(values) : -1;
}

int EntityModel::duplicateRow(int row)
{
    const std::optional<QHash<int, QVariant>> copy = m_editor->copyOfRow(row);
    return copy ? insertNewRow(*copy) : -1;
}

void EntityModel::deleteRows(const QList<int> &rows)
{
    if (isSaving())
        return;
    if (canDelete()) {
        m_editor->deleteRows(rows);
        return;
    }
    // Without a key only staged inserts can be dropped.
    QList<int> inserts;
    for (const int row : rows)
        if (m_editor->isInserted(row))
            inserts << row;
    if (canInsert() && !inserts.isEmpty())
        m_editor->deleteRows(inserts);
}

} // namespace uaip
