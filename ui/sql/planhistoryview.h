#pragma once

#include "planhistoryentry.h"

#include <QList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace uaip {

class PlanComparison;
class PlanView;

// The Plan tab of a SQL console tab: every EXPLAIN run of the tab is kept (newest first, at
// most kMaxPlans), labelled with its time, total time (or cost) and statement; the chosen one
// shows in the plan view. "Compare with" puts a second plan of the history next to it: both
// trees with their totals side by side, and below, per node kind, the exclusive time of each
// plan and the difference (PlanComparison), largest first. A node selected in one plan selects
// its counterpart in the other.
class PlanHistoryView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxPlans = 30;

    explicit PlanHistoryView(QWidget *parent = nullptr);
    ~PlanHistoryView() override;

    // Adds a plan at the top of the history and shows it (no comparison).
    void addPlan(const PlanHistoryEntry &entry);
    const QList<PlanHistoryEntry> &history() const { return m_history; }
    // The plan shown (index into history()), -1 when none.
    int shown() const;
    const PlanHistoryEntry *shownEntry() const;
    void showPlan(int index);
    // Shows history()[left] and history()[right] side by side; right -1: no comparison.
    void compare(int left, int right);
    bool comparing() const;

    PlanView *plan() const { return m_left; }
    PlanView *comparedPlan() const { return m_right; }
    QComboBox *historyBox() const { return m_historyBox; }
    QComboBox *compareBox() const { return m_compareBox; }
    QTreeWidget *kindTable() const { return m_kinds; }
    QLabel *compareSummary() const { return m_compareSummary; }

    // "12:03:04  12.345 ms  SELECT ..." for the history's lists.
    static QString labelOf(const PlanHistoryEntry &entry);

signals:
    // A node of the shown plan was selected (id in shownEntry()'s plan).
    void nodeSelected(int id);

private:
    void fillBoxes();
    void updateComparison();

    QList<PlanHistoryEntry> m_history;
    QComboBox *m_historyBox;
    QComboBox *m_compareBox;
    PlanView *m_left;
    PlanView *m_right;
    QLabel *m_compareSummary;
    QTreeWidget *m_kinds;
    QWidget *m_compareArea;
    std::unique_ptr<PlanComparison> m_comparison;
    bool m_syncing = false;
};

} // namespace uaip
