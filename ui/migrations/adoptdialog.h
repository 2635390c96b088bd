#pragma once

#include "foreign/adoptionplan.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace uaip {

// "Adopt history…": how another tool's history maps onto our folders (AdoptionPlanner), as a
// table of every foreign entry with its folder and what adopt does with it, what refuses the
// plan and what stays pending. Nothing is written until Adopt is pressed (the dialog is the dry
// run); accepted() then means "adopt these" (AdoptionPlan::items()).
class AdoptDialog : public QDialog
{
    Q_OBJECT
public:
    AdoptDialog(const AdoptionPlan &plan, QWidget *parent = nullptr);

    const AdoptionPlan &plan() const { return m_plan; }
    QTableWidget *mapping() const { return m_table; }
    QPushButton *adoptButton() const { return m_adopt; }
    QString summaryText() const;

private:
    AdoptionPlan m_plan;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_adopt = nullptr;
};

} // namespace uaip
