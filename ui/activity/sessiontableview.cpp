#include "sessiontableview.h"

#include "sessiontablemodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace uaip {

SessionTableView::SessionTableView(SessionTableModel *model, QWidget *parent)
    : QTableView(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(SessionTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    setObjectName(QStringLiteral("activitySessions"));
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(SessionTableModel::Pid, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(SessionTableModel::Query, QHeaderView::Stretch);
    setWordWrap(false);
}

bool SessionTableView::selectPid(int pid)
{
    int found = -1;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        if (i.data(SessionTableModel::PidRole).toInt() != pid)
            continue;
        if (found < 0 || !i.data(SessionTableModel::EndedRole).toBool())
            found = r;
        if (!i.data(SessionTableModel::EndedRole).toBool())
            break;
    }
    if (found < 0)
        return false;
    selectRow(found);
    scrollTo(m_proxy->index(found, 0));
    return true;
}

int SessionTableView::selectedRow() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

int SessionTableView::selectedPid() const
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionTableModel::PidRole).toInt();
}

} // namespace uaip
