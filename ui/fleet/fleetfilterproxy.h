#pragma once

#include <QSortFilterProxyModel>

namespace uaip {

// The Fleet matrix filtered by the targets' state (FleetMatrixModel::StateRole; -1: every
// target) and sorted by any column (names, states, cells by their state).
class FleetFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterProxy(QObject *parent = nullptr);
    // A FleetTargetResult::State as int, or -1 for all.
    void setStateFilter(int state);
    int stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_state = -1;
};

} // namespace uaip
