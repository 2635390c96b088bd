#pragma once

#include "activity/lockchainnode.h"

#include <QList>
#include <QTreeWidget>

namespace uaip {

// The lock chains of the Activity view: one tree per root blocker, the sessions waiting on it
// below (blocked -> blocker -> root blocker read from the bottom up), each with the lock it
// waits for, the relation and how long it has waited; the console's migration lock named.
class LockChainTree : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { Session, Waits, Relation, Waited, Query, ColumnCount };
    static constexpr int PidRole = Qt::UserRole + 1;

    explicit LockChainTree(QWidget *parent = nullptr);
    void setChains(const QList<LockChainNode> &chains);
    const QList<LockChainNode> &chains() const { return m_chains; }

private:
    QTreeWidgetItem *itemFor(const LockChainNode &node, bool root) const;

    QList<LockChainNode> m_chains;
};

} // namespace uaip
