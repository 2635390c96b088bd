#pragma once

#include "explain/explainresult.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace uaip {

class PlanBarView;

// An EXPLAIN plan: the tree (node, exclusive time and share, rows actual vs estimated with
// misestimates of 10x or more flagged, loops, buffers, condition) over the bar view, a summary
// line above; the most expensive node selected in both at once, a selection in one follows in
// the other.
class PlanView : public QWidget
{
    Q_OBJECT
public:
    explicit PlanView(QWidget *parent = nullptr);

    void setResult(const ExplainResult &result);
    void clear();
    QTreeWidget *tree() const { return m_tree; }
    PlanBarView *bars() const { return m_bars; }
    int selectedNode() const;
    bool hasPlan() const { return m_hasPlan; }
    const ExplainResult &result() const { return m_result; }
    // Selects node id in the tree and the bars (nodeSelected follows).
    void select(int id);

signals:
    void nodeSelected(int id);

private:
    QLabel *m_summary;
    QTreeWidget *m_tree;
    PlanBarView *m_bars;
    QList<QTreeWidgetItem *> m_items; // per node id
    bool m_hasPlan = false;
    ExplainResult m_result;
};

} // namespace uaip
