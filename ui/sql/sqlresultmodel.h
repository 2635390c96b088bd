#pragma once

#include "sqlconsole/sqlpage.h"
#include "sqlconsole/sqlresultset.h"

#include <QAbstractTableModel>

namespace uaip {

// One result set of the SQL console in a grid, loaded lazily as the entity grid's model is:
// the first page comes with the run; when the view scrolls to the end, fetchMore() asks for
// the next page of the server-side cursor (moreRowsWanted), which the tab fetches on its
// worker and hands back with appendPage(). NULL shows as a grey "NULL", never as "".
class SqlResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit SqlResultModel(SqlResultSet set, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void appendPage(const SqlPage &page);
    // The cursor is gone (its transaction ended, or the fetch failed): no more rows.
    void endRows();
    const SqlResultSet &resultSet() const { return m_set; }
    bool hasMoreRows() const { return !m_set.cursor.isEmpty(); }

signals:
    void moreRowsWanted(const QByteArray &cursor);

private:
    SqlResultSet m_set;
    bool m_fetching = false;
};

} // namespace uaip
