#pragma once

#include <QDialog>

namespace uaip {

// A read-only text in a dialog: the exact SQL a dry run would send (in an SQL view), or a
// validation/verification report (the diffs in it coloured).
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    PlanDialog(const QString &title, const QString &text, bool sql, QWidget *parent = nullptr);
};

} // namespace uaip
