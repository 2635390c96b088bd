#pragma once

#include "confirmer.h"

#include <QCoreApplication>
#include <QDialog>
#include <QPointer>

namespace uaip {

// Confirmer with real (modal) dialogs.
class DialogConfirmer : public Confirmer
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DialogConfirmer)

public:
    bool confirmRollback(QWidget *parent, const QString &what, const RollbackImpact &impact,
                         const ConnectionProfile &profile, const QString &database) override;
    bool waitForLock(QWidget *parent, const LockHolder &holder, int waitedMs) override;
    // ApplyForecastDialog, unless the plan locks no table that exists (a fresh database).
    bool confirmApply(QWidget *parent, const PlanForecast &forecast,
                      const QList<ValidationProblem> &refused) override;
    void showText(QWidget *parent, const QString &title, const QString &text, bool sql) override;
    QString chooseBackupFile(QWidget *parent, const QString &suggested) override;
    QString askMigrationName(QWidget *parent) override;
    GeneratedChoice reviewGenerated(QWidget *parent, const DriftMigration &migration,
                                    const QString &folder, const QString &database,
                                    bool canRecord) override;
    QString chooseMigrationsDir(QWidget *parent, const QString &current) override;
    bool reviewIndexMigration(QWidget *parent, const IndexMigration &migration,
                              const QString &folder) override;
    std::optional<OnlineChangeRequest> askOnlineChange(QWidget *parent) override;
    bool reviewOnlineChange(QWidget *parent, const OnlineChangePair &pair,
                            const QString &dir) override;
    void dismiss() override;

private:
    QPointer<QDialog> m_open; // the rollback or lock question now open
};

} // namespace uaip
