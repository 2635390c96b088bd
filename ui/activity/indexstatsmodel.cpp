#include "indexstatsmodel.h"

#include <QLocale>

namespace uaip {

IndexStatsModel::IndexStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void IndexStatsModel::setIndexes(const QList<IndexStats> &indexes)
{
    beginResetModel();
    m_indexes = indexes;
    endResetModel();
}

int IndexStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_indexes.size());
}

int IndexStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndexStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_indexes.size())
        return {};
    const IndexStats &x = m_indexes[index.row()];
    const QLocale locale;
    auto number
        = [&](qint64 n) { return role == SortRole ? QVariant(n) : QVariant(locale.toString(n)); };
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Schema:
            return x.schema;
        case Table:
            return x.table;
        case Index:
            return x.index;
        case Size:
            if (role == SortRole)
                return x.bytes;
            return x.sizeEstimated ? tr("≈ %1").arg(locale.formattedDataSize(x.bytes))
                                   : locale.formattedDataSize(x.bytes);
        case Scans:
            return number(x.scans);
        case TuplesRead:
            return number(x.tuplesRead);
        case TuplesFetched:
            return number(x.tuplesFetched);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Size && x.sizeEstimated)
        return tr("Estimated from the catalog (as of the last VACUUM or ANALYZE): another session "
                  "holds a lock on the index or its table, so its exact size was not read.");
    if (role == Qt::TextAlignmentRole && index.column() >= Size)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant IndexStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Schema:
        return tr("Schema");
    case Table:
        return tr("Table");
    case Index:
        return tr("Index");
    case Size:
        return tr("Size");
    case Scans:
        return tr("Index scans");
    case TuplesRead:
        return tr("Tuples read");
    case TuplesFetched:
        return tr("Tuples fetched");
    default:
        return {};
    }
}

} // namespace uaip
