#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace uaip {

// Shows where a save goes (database, server, profile) and the exact SQL it will run
// (SavePlan::preview), wrapped so that no statement is cut, and asks to go ahead.
class SavePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SavePreviewDialog(const QString &sql, int changes, const QString &target,
                      QWidget *parent = nullptr);
    QString sql() const;
    QString target() const;
    QPlainTextEdit *textView() const { return m_text; }

private:
    QPlainTextEdit *m_text;
    QString m_target;
};

} // namespace uaip
