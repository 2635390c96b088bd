#include "dialogconfirmer.h"

#include "plandialog.h"
#include "rollbackconfirmdialog.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace uaip {

bool DialogConfirmer::confirmRollback(QWidget *parent, const QString &what,
                                      const RollbackImpact &impact,
                                      const ConnectionProfile &profile, const QString &database)
{
    RollbackConfirmDialog dialog(what, impact, profile.production ? database : QString(), parent);
    m_open = &dialog;
    return dialog.exec() == QDialog::Accepted;
}

bool DialogConfirmer::waitForLock(QWidget *parent, const LockHolder &holder, int waitedMs)
{
    QMessageBox box(QMessageBox::Warning, tr("Another migration is running"),
                    tr("Another session holds the migration lock of this database "
                       "(waited %1 s):\n\n%2\n\nWait longer, or give up?")
                        .arg(waitedMs / 1000)
                        .arg(holder.describe()),
                    QMessageBox::NoButton, parent);
    QPushButton *wait = box.addButton(tr("&Wait longer"), QMessageBox::AcceptRole);
    box.addButton(tr("&Give up"), QMessageBox::RejectRole);
    box.setDefaultButton(wait);
    m_open = &box;
    box.exec();
    return box.clickedButton() == wait;
}

void DialogConfirmer::showText(QWidget *parent, const QString &title, const QString &text, bool sql)
{
    PlanDialog dialog(title, text, sql, parent);
    dialog.exec();
}

void DialogConfirmer::dismiss()
{
    if (m_open)
        m_open->reject();
}

QString DialogConfirmer::chooseBackupFile(QWidget *parent, const QString &suggested)
{
    return QFileDialog::getSaveFileName(parent, tr("Back up the database first"), suggested,
                                        tr("pg_dump custom format (*.dump)"));
}

} // namespace uaip
