#include "tablestatsmodel.h"

#include "widgets/localeformat.h"

#include <QLocale>

namespace uaip {

TableStatsModel::TableStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TableStatsModel::setTables(const QList<TableStats> &tables)
{
    beginResetModel();
    m_tables = tables;
    endResetModel();
}

int TableStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableStatsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tables.size())
        return {};
    const TableStats &t = m_tables[index.row()];
    const QLocale locale;
    auto number
        = [&](qint64 n) { return role == SortRole ? QVariant(n) : QVariant(locale.toString(n)); };
    auto when = [&](const QString &iso) {
        return role == SortRole
            ? QVariant(iso)
            : QVariant(iso.isEmpty() ? tr("never") : LocaleFormat::isoDateTime(iso));
    };
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Schema:
            return t.schema;
        case Table:
            return t.table;
        case Size:
            if (role == SortRole)
                return t.totalBytes;
            return t.sizeEstimated ? tr("≈ %1").arg(locale.formattedDataSize(t.totalBytes))
                                   : locale.formattedDataSize(t.totalBytes);
        case Live:
            return number(t.liveTuples);
        case Dead:
            return number(t.deadTuples);
        case LastVacuum:
            return when(t.lastVacuum);
        case LastAutovacuum:
            return when(t.lastAutovacuum);
        case LastAnalyze:
            return when(t.lastAnalyze);
        case LastAutoanalyze:
            return when(t.lastAutoanalyze);
        case SeqScans:
            return number(t.seqScans);
        case IndexScans:
            return number(t.indexScans);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Size && t.sizeEstimated)
        return tr("Estimated from the catalog (as of the last VACUUM or ANALYZE): another session "
                  "holds a lock on the table, so its exact size was not read.");
    if (role == Qt::TextAlignmentRole && index.column() >= Size
        && (index.column() <= Dead || index.column() >= SeqScans))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TableStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Schema:
        return tr("Schema");
    case Table:
        return tr("Table");
    case Size:
        return tr("Size");
    case Live:
        return tr("Live tuples");
    case Dead:
        return tr("Dead tuples");
    case LastVacuum:
        return tr("Last vacuum");
    case LastAutovacuum:
        return tr("Last autovacuum");
    case LastAnalyze:
        return tr("Last analyze");
    case LastAutoanalyze:
        return tr("Last autoanalyze");
    case SeqScans:
        return tr("Seq scans");
    case IndexScans:
        return tr("Index scans");
    default:
        return {};
    }
}

} // namespace uaip
