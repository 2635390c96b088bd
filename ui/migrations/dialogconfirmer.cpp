#include "dialogconfirmer.h"

#include "applyforecastdialog.h"
#include "generatedmigrationdialog.h"
#include "indexmigrationdialog.h"
#include "ledger/migrationscaffold.h"
#include "onlinechangedialog.h"
#include "onlinechangereviewdialog.h"
#include "plandialog.h"
#include "rollbackconfirmdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
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

bool DialogConfirmer::confirmApply(QWidget *parent, const PlanForecast &forecast,
                                   const QList<ValidationProblem> &refused)
{
    if (forecast.sizes.isEmpty() && refused.isEmpty() && !forecast.error.isSet())
        return true;
    ApplyForecastDialog dialog(forecast, refused, parent);
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

QString DialogConfirmer::askMigrationName(QWidget *parent)
{
    for (QString name;;) {
        bool ok = false;
        name = QInputDialog::getText(parent, tr("Generate Migration from Drift"),
                                     tr("Name of the new migration (lower-case letters, digits "
                                        "and underscores):"),
                                     QLineEdit::Normal, name, &ok);
        if (!ok)
            return QString();
        const Status named = MigrationScaffold::checkName(name);
        if (named)
            return name;
        QMessageBox::warning(parent, tr("Generate Migration from Drift"), named.error().toString());
    }
}

Confirmer::GeneratedChoice DialogConfirmer::reviewGenerated(QWidget *parent,
                                                            const DriftMigration &migration,
                                                            const QString &folder,
                                                            const QString &database, bool canRecord)
{
    GeneratedMigrationDialog dialog(migration, folder, database, canRecord, parent);
    m_open = &dialog;
    dialog.exec();
    return dialog.choice();
}

std::optional<OnlineChangeRequest> DialogConfirmer::askOnlineChange(QWidget *parent)
{
    OnlineChangeDialog dialog(parent);
    m_open = &dialog;
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.request();
}

bool DialogConfirmer::reviewOnlineChange(QWidget *parent, const OnlineChangePair &pair,
                                         const QString &dir)
{
    OnlineChangeReviewDialog dialog(pair, dir, parent);
    m_open = &dialog;
    return dialog.exec() == QDialog::Accepted;
}

QString DialogConfirmer::chooseMigrationsDir(QWidget *parent, const QString &current)
{
    return QFileDialog::getExistingDirectory(parent, tr("Open Migrations Folder"),
                                             current.startsWith(u':') ? QDir::homePath() : current);
}

bool DialogConfirmer::reviewIndexMigration(QWidget *parent, const IndexMigration &migration,
                                           const QString &folder)
{
    IndexMigrationDialog dialog(migration, folder, parent);
    m_open = &dialog;
    return dialog.exec() == QDialog::Accepted;
}

} // namespace uaip
