#include "productionconfirmation.h"

#include "browser/typedconfirmdialog.h"
#include "prompttaskrunner.h"

#include <QMessageBox>

namespace uaip {

void ProductionConfirmation::ask(const PromptTaskRunner &runner, QWidget *parent,
                                 const QString &question, const std::function<void()> &confirmed,
                                 const std::function<void()> &cancelled)
{
    if (!runner.isProduction()) {
        confirmed();
        return;
    }
    auto *dialog = new TypedConfirmDialog(question, runner.spec()->profile.database, parent);
    dialog->setObjectName(QStringLiteral("productionConfirm"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, dialog, confirmed);
    QObject::connect(dialog, &QDialog::rejected, dialog, cancelled);
    dialog->open();
}

void ProductionConfirmation::askOnEveryProfile(const PromptTaskRunner &runner, QWidget *parent,
                                               const QString &question,
                                               const std::function<void()> &confirmed,
                                               const std::function<void()> &cancelled)
{
    if (runner.isProduction())
        return ask(runner, parent, question, confirmed, cancelled);
    auto *box = new QMessageBox(
        QMessageBox::Question,
        QCoreApplication::translate("uaip::ProductionConfirmation", "Move the label?"), question,
        QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("promptConfirm"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, confirmed, cancelled](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            confirmed();
        else
            cancelled();
    });
    box->open();
}

} // namespace uaip
