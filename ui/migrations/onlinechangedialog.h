#pragma once

#include "onlinechangerequest.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace uaip {

// "New Online Change...": the name of the pair of migrations and the one statement no lock
// makes safe on a big table (a rename, a type change, SET NOT NULL). OK only with a name a
// folder can take and a statement.
class OnlineChangeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OnlineChangeDialog(QWidget *parent = nullptr);

    OnlineChangeRequest request() const;
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *sqlEdit() const { return m_sql; }

    void accept() override;

private:
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_sql = nullptr;
};

} // namespace uaip
