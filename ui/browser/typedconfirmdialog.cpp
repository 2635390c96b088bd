#include "typedconfirmdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

TypedConfirmDialog::TypedConfirmDialog(const QString &question, const QString &expected,
                                       QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit(this))
{
    setWindowTitle(tr("Production database"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(
        question + u'\n' + tr("Type the database name “%1” to confirm.").arg(expected), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(m_input);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_input, &QLineEdit::textChanged, ok,
            [ok, expected](const QString &text) { ok->setEnabled(text == expected); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace uaip
