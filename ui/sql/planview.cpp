#include "planview.h"

#include "planbarview.h"
#include "widgets/statestyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

// The tree's columns.
struct PlanColumn
{
    enum { Node, Exclusive, Share, Rows, Estimate, Loops, Buffers, Condition, Count };
};

} // namespace

PlanView::PlanView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_bars(new PlanBarView(this))
{
    setObjectName(QStringLiteral("planView"));
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_tree->setColumnCount(PlanColumn::Count);
    m_tree->setHeaderLabels({tr("Node"), tr("Exclusive"), tr("%"), tr("Rows"), tr("Estimated"),
                             tr("Loops"), tr("Buffers (hit/read)"), tr("Condition")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_bars);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        const int id = item->data(PlanColumn::Node, Qt::UserRole).toInt();
        m_bars->setSelected(id);
        emit nodeSelected(id);
    });
    connect(m_bars, &PlanBarView::nodeClicked, this, &PlanView::select);
}

void PlanView::clear()
{
    m_tree->clear();
    m_items.clear();
    m_bars->setPlan(ExplainPlan());
    m_summary->clear();
    m_hasPlan = false;
    m_result = ExplainResult();
}

void PlanView::setResult(const ExplainResult &result)
{
    clear();
    m_result = result;
    const ExplainPlan &plan = m_result.plan;
    const QLocale locale;
    const double total = plan.total();
    for (const PlanNode &n : plan.nodes()) {
        auto *item = n.parent < 0 ? new QTreeWidgetItem(m_tree)
                                  : new QTreeWidgetItem(m_items.at(n.parent));
        item->setData(PlanColumn::Node, Qt::UserRole, n.id);
        item->setText(PlanColumn::Node, n.label());
        const double exclusive = plan.exclusive(n.id);
        item->setText(PlanColumn::Exclusive,
                      plan.analyzed() ? tr("%1 ms").arg(locale.toString(exclusive, 'f', 3))
                                      : locale.toString(exclusive, 'f', 2));
        item->setText(PlanColumn::Share,
                      locale.toString(total > 0 ? 100.0 * exclusive / total : 0.0, 'f', 1));
        item->setText(PlanColumn::Estimate, locale.toString(n.planRows, 'f', 0));
        if (plan.analyzed()) {
            item->setText(PlanColumn::Rows,
                          n.neverExecuted ? tr("never executed")
                                          : locale.toString(n.actualRows, 'f', 0));
            item->setText(PlanColumn::Loops, locale.toString(n.loops, 'f', 0));
            if (n.misestimated) {
                const QString text = n.estimateRatio > 1 ? tr("%1x under") : tr("%1x over");
                item->setText(PlanColumn::Estimate,
                              item->text(PlanColumn::Estimate) + QStringLiteral("  ⚠ ")
                                  + text.arg(locale.toString(n.misestimateFactor(), 'f', 0)));
                item->setForeground(PlanColumn::Estimate, StateStyle::danger());
                item->setToolTip(PlanColumn::Estimate,
                                 tr("The row estimate is off by 10x or more: the "
                                    "planner's statistics may be stale (ANALYZE)."));
            }
        }
        if (plan.hasBuffers())
            item->setText(PlanColumn::Buffers,
                          QStringLiteral("%1 / %2").arg(n.sharedHit).arg(n.sharedRead));
        item->setText(PlanColumn::Condition, n.condition);
        for (int c : {PlanColumn::Exclusive, PlanColumn::Share, PlanColumn::Rows,
                      PlanColumn::Estimate, PlanColumn::Loops})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        m_items.append(item);
    }
    m_tree->expandAll();
    for (int c = 0; c < PlanColumn::Condition; ++c)
        m_tree->resizeColumnToContents(c);
    m_bars->setPlan(plan);
    // every level of the bars shown, up to ten
    m_bars->setMinimumHeight(
        std::min(m_bars->sizeHint().height(), 10 * (m_bars->fontMetrics().height() + 8) + 4));
    m_hasPlan = !plan.nodes().isEmpty();
    QString summary = plan.analyzed()
        ? tr("Planning %1 ms, execution %2 ms; %n node(s), %3 misestimated.", nullptr,
             int(plan.nodes().size()))
              .arg(locale.toString(plan.planningMs(), 'f', 3),
                   locale.toString(plan.executionMs(), 'f', 3))
              .arg(plan.misestimates().size())
        : tr("Estimates only (without ANALYZE): total cost %1; %n node(s).", nullptr,
             int(plan.nodes().size()))
              .arg(locale.toString(plan.total(), 'f', 2));
    if (result.rolledBack)
        summary += u' ' + tr("ANALYZE ran it in a transaction that was rolled back.");
    m_summary->setText(summary);
    select(plan.mostExpensive());
}

void PlanView::select(int id)
{
    if (id < 0 || id >= m_items.size())
        return;
    m_tree->setCurrentItem(m_items.at(id));
    m_tree->scrollToItem(m_items.at(id));
    m_bars->setSelected(id);
}

int PlanView::selectedNode() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(PlanColumn::Node, Qt::UserRole).toInt() : -1;
}

} // namespace uaip
