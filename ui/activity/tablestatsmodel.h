#pragma once

#include "activity/tablestats.h"

#include <QAbstractTableModel>
#include <QList>

namespace uaip {

// pg_stat_user_tables of the connected database for the Activity view's statistics tab.
class TableStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Schema,
        Table,
        Size,
        Live,
        Dead,
        LastVacuum,
        LastAutovacuum,
        LastAnalyze,
        LastAutoanalyze,
        SeqScans,
        IndexScans,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit TableStatsModel(QObject *parent = nullptr);
    void setTables(const QList<TableStats> &tables);
    const QList<TableStats> &tables() const { return m_tables; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<TableStats> m_tables;
};

} // namespace uaip
