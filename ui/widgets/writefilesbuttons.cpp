#include "writefilesbuttons.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>

namespace uaip {

QDialogButtonBox *WriteFilesButtons::make(QDialog *dialog, const QString &tip)
{
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *write = buttons->addButton(tr("&Write Files"), QDialogButtonBox::AcceptRole);
    write->setDefault(true);
    write->setObjectName(QStringLiteral("writeFiles"));
    write->setToolTip(tip);
    buttons->addButton(QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

} // namespace uaip
