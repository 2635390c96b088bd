#pragma once

#include "activity/indexstats.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// pg_stat_user_indexes of the connected database for the Activity view's statistics tab.
class IndexStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Schema, Table, Index, Size, Scans, TuplesRead, TuplesFetched, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit IndexStatsModel(QObject *parent = nullptr);
    void setIndexes(const QList<IndexStats> &indexes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<IndexStats> m_indexes;
};

} // namespace uaip
