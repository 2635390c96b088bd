#include "productionconfirmation.h"

#include "browser/typedconfirmdialog.h"
#include "prompttaskrunner.h"

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

} // namespace uaip
