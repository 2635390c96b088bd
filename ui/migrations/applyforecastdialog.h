#pragma once

#include "forecast/planforecast.h"
#include "lint/validationproblem.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace uaip {

// The Apply confirmation (issue 43, point 2): what each statement of the plan would lock on the
// live database — the table, its live rows and size, the lock mode, what it blocks, whether it
// rewrites or scans the table under that lock, the online form, and who holds a conflicting
// lock now — and, when BlockingWorkGate would refuse the plan, why (Apply is then disabled: the
// run would refuse it before its first statement).
class ApplyForecastDialog : public QDialog
{
    Q_OBJECT
public:
    ApplyForecastDialog(const PlanForecast &forecast, const QList<ValidationProblem> &refused,
                        QWidget *parent = nullptr);

    QTreeWidget *forecastTree() const { return m_tree; }
    QPushButton *applyButton() const;
    // The selected row's whole statement, online form and holders, wrapped.
    QLabel *detailsLabel() const { return m_details; }
    // The columns of one relation lock, as the tree shows them: statement (migration and
    // line:col), table, rows, lock, blocks, work, held by.
    static QStringList rowTexts(const PlanForecast &forecast, const PlanForecast::Script &script,
                                const StatementForecast &item, const RelationLock &lock);

private:
    void addSummary(QVBoxLayout *layout, const PlanForecast &forecast,
                    const QList<ValidationProblem> &refused);
    void addTree(QVBoxLayout *layout, const PlanForecast &forecast);
    void showDetails();

    QTreeWidget *m_tree;
    QLabel *m_details = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace uaip
