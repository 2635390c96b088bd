#include "fleetfilterproxy.h"

#include "fleetmatrixmodel.h"

namespace uaip {

FleetFilterProxy::FleetFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
    setDynamicSortFilter(true);
}

void FleetFilterProxy::setStateFilter(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool FleetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_state < 0)
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return i.data(FleetMatrixModel::StateRole).toInt() == m_state;
}

} // namespace uaip
