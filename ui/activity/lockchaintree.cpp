#include "lockchaintree.h"

#include "activity/activityage.h"
#include "widgets/statestyle.h"

#include <QHeaderView>

namespace uaip {

LockChainTree::LockChainTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("lockChains"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Session"), tr("Waits for"), tr("Relation"), tr("Waited"), tr("Query")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
}

QTreeWidgetItem *LockChainTree::itemFor(const LockChainNode &n, bool root) const
{
    auto *item = new QTreeWidgetItem;
    QString who = tr("pid %1 · %2 · %3").arg(n.pid).arg(n.user, n.application);
    if (root)
        who += u' ' + tr("(root blocker)");
    if (n.own)
        who += u' ' + tr("(this console)");
    if (n.holdsMigrationLock)
        who += u' ' + tr("holds the migration lock");
    item->setText(Session, who);
    item->setData(Session, PidRole, n.pid);
    if (n.waitsForMigrationLock) {
        item->setText(Waits, tr("the migration lock (uaip-migrate / Migrations view)"));
    } else if (!n.lockType.isEmpty()) {
        item->setText(Waits, tr("%1 (%2)").arg(n.mode, n.lockType));
    }
    item->setText(Relation, n.relation);
    if (!n.lockType.isEmpty())
        item->setText(Waited, ActivityAge::text(n.waitedMs));
    item->setTextAlignment(Waited, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(Query, n.query.simplified().left(300));
    item->setToolTip(Query, n.query);
    if (root)
        item->setForeground(Session, StateStyle::danger());
    if (n.repeated) {
        item->setText(Session, who + u' ' + tr("(again: a cycle)"));
        return item;
    }
    for (const LockChainNode &c : n.children)
        item->addChild(itemFor(c, false));
    return item;
}

void LockChainTree::setChains(const QList<LockChainNode> &chains)
{
    m_chains = chains;
    clear();
    for (const LockChainNode &n : chains)
        addTopLevelItem(itemFor(n, true));
    expandAll();
    for (int c = 0; c < ColumnCount - 1; ++c)
        resizeColumnToContents(c);
}

} // namespace uaip
