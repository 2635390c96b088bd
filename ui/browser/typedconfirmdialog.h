#pragma once

#include <QDialog>

class QLineEdit;

namespace uaip {

// Production safety: the user types the database name before a destructive action.
class TypedConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    TypedConfirmDialog(const QString &question, const QString &expected, QWidget *parent = nullptr);
    QLineEdit *input() const { return m_input; }

private:
    QLineEdit *m_input;
};

} // namespace uaip
