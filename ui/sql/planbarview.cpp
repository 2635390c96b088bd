#include "planbarview.h"

#include <QMouseEvent>
#include <QPainter>

namespace uaip {

PlanBarView::PlanBarView(QWidget *parent)
    : QWidget(parent)
    , m_rowHeight(fontMetrics().height() + 8)
{
    setObjectName(QStringLiteral("planBars"));
    setMinimumHeight(m_rowHeight * 3);
    setMouseTracking(true);
}

QSize PlanBarView::sizeHint() const
{
    int depth = 0;
    for (const PlanNode &n : m_plan.nodes())
        depth = std::max(depth, n.depth);
    return {400, (depth + 1) * m_rowHeight + 4};
}

void PlanBarView::setPlan(const ExplainPlan &plan)
{
    m_plan = plan;
    m_selected = plan.mostExpensive();
    layoutBars();
    updateGeometry();
    update();
}

void PlanBarView::setSelected(int id)
{
    m_selected = id;
    update();
}

QRectF PlanBarView::barRect(int id) const
{
    return m_bars.value(id);
}

double PlanBarView::weight(const PlanNode &node) const
{
    return m_plan.analyzed() ? node.inclusiveMs : node.totalCost;
}

void PlanBarView::layoutBars()
{
    const QList<PlanNode> &nodes = m_plan.nodes();
    m_bars = QList<QRectF>(nodes.size());
    if (nodes.isEmpty())
        return;
    m_bars[0] = QRectF(0, 0, width(), m_rowHeight);
    for (const PlanNode &n : nodes) { // depth-first: a parent before its children
        const QRectF parent = m_bars.at(n.id);
        double sum = 0;
        for (int c : n.children)
            sum += weight(nodes.at(c));
        // Children never take more than the parent's span (parallel workers' times, InitPlans)
        const double scale = sum > 0 ? parent.width() / std::max(sum, weight(n)) : 0;
        double x = parent.left();
        for (int c : n.children) {
            const double w = sum > 0 ? weight(nodes.at(c)) * scale
                                     : parent.width() / double(n.children.size());
            m_bars[c] = QRectF(x, parent.bottom(), w, m_rowHeight);
            x += w;
        }
    }
}

void PlanBarView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutBars();
}

void PlanBarView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const double total = m_plan.total();
    for (const PlanNode &n : m_plan.nodes()) {
        const QRectF r = m_bars.value(n.id).adjusted(0.5, 0.5, -0.5, -0.5);
        if (r.width() < 1)
            continue;
        const double share = total > 0 ? std::clamp(m_plan.exclusive(n.id) / total, 0.0, 1.0) : 0;
        // from pale yellow (cold) to red (all of the time in this node)
        QColor c = QColor::fromHsvF(0.15 * (1 - share), 0.25 + 0.65 * share, 1.0);
        p.fillRect(r, c);
        p.setPen(n.id == m_selected ? QPen(palette().color(QPalette::Highlight), 2)
                                    : QPen(c.darker(140)));
        p.drawRect(r);
        if (r.width() > 30) {
            p.setPen(Qt::black);
            const QString text
                = p.fontMetrics().elidedText(n.label(), Qt::ElideRight, int(r.width()) - 6);
            p.drawText(r.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
}

void PlanBarView::mousePressEvent(QMouseEvent *event)
{
    for (qsizetype i = m_bars.size() - 1; i >= 0; --i)
        if (m_bars.at(i).contains(event->position())) {
            setSelected(int(i));
            emit nodeClicked(int(i));
            return;
        }
}

} // namespace uaip
