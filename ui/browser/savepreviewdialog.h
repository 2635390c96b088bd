#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace uaip {

// Shows the exact SQL a save will run (SavePlan::preview) and asks to go ahead.
class SavePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SavePreviewDialog(const QString &sql, int changes, QWidget *parent = nullptr);
    QString sql() const;

private:
    QPlainTextEdit *m_text;
};

} // namespace uaip
