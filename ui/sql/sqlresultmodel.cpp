#include "sqlresultmodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace uaip {

namespace {

// int2, int4, int8, oid, float4, float8, numeric: right-aligned
bool isNumeric(unsigned int oid)
{
    return oid == 20 || oid == 21 || oid == 23 || oid == 26 || oid == 700 || oid == 701
        || oid == 1700;
}

} // namespace

SqlResultModel::SqlResultModel(SqlResultSet set, QObject *parent)
    : QAbstractTableModel(parent)
    , m_set(std::move(set))
{ }

int SqlResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_set.rows.size());
}

int SqlResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_set.columns.size());
}

QVariant SqlResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_set.rows.size())
        return {};
    const QVariant &value = m_set.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return value.isNull() ? QVariant(QStringLiteral("NULL")) : value;
    case Qt::ForegroundRole:
        if (value.isNull())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(m_set.columnTypes.value(index.column())))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant SqlResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_set.columns.value(section);
    return section + 1;
}

bool SqlResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_set.cursor.isEmpty() && !m_fetching;
}

void SqlResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit moreRowsWanted(m_set.cursor);
}

void SqlResultModel::appendPage(const SqlPage &page)
{
    m_fetching = false;
    if (!page.rows.isEmpty()) {
        const int first = int(m_set.rows.size());
        beginInsertRows(QModelIndex(), first, first + int(page.rows.size()) - 1);
        m_set.rows.append(page.rows);
        endInsertRows();
    }
    if (page.done)
        m_set.cursor.clear();
}

void SqlResultModel::endRows()
{
    m_fetching = false;
    m_set.cursor.clear();
}

} // namespace uaip
