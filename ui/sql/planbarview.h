#pragma once

#include "explain/explainplan.h"

#include <QWidget>

namespace uaip {

// A plan as a flame-graph-like bar view (an icicle): the root spans the width, each node's
// children share its span in proportion to their time (inclusive, over all loops; the cost
// without ANALYZE), one row per depth. A bar's colour says how much of the total its own
// (exclusive) time is: the hotter, the more. A click selects a node (nodeClicked).
class PlanBarView : public QWidget
{
    Q_OBJECT
public:
    explicit PlanBarView(QWidget *parent = nullptr);

    void setPlan(const ExplainPlan &plan);
    void setSelected(int id);
    int selected() const { return m_selected; }
    // The rectangle node id is drawn in (empty when too narrow to draw); for tests.
    QRectF barRect(int id) const;
    QSize sizeHint() const override;

signals:
    void nodeClicked(int id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void layoutBars();
    double weight(const PlanNode &node) const;

    ExplainPlan m_plan;
    QList<QRectF> m_bars; // per node id
    int m_selected = -1;
    int m_rowHeight;
};

} // namespace uaip
