#pragma once

#include "db/connectionprofile.h"
#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "ledger/migrationfailure.h"
#include "ledger/migrationstatus.h"
#include "migrate/downtarget.h"
#include "migrate/migrationrunoptions.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace uaip {

class BackupGate;
class Confirmer;
class Job;
class MigrationActions;
class MigrationRunJob;
class MigrationSource;
class ApplyForecastJob;
class RollbackPreviewJob;
struct RollbackImpact;
struct RunResult;

// Applying and rolling back from the Migrations view: an apply (after "Back up first" when that
// is wanted), a rollback once its preview was confirmed, recording a generated migration as
// applied, and, when another session holds the migration lock, waiting longer if the user
// says so. What runs is what was confirmed: the run carries the database identity of the
// preview (or status read) and, for a rollback and an apply after "Back up first", the exact
// version list. The view runs the jobs (started()) and shows what is said (message()).
class MigrationRunFlow : public QObject
{
    Q_OBJECT
public:
    // source: the view's migrations; actions: whether to run in one transaction; confirmer:
    // who answers the questions (asked for each question).
    MigrationRunFlow(const MigrationSource &source, const MigrationActions *actions,
                     BackupGate *backup, std::function<Confirmer *()> confirmer, QWidget *parent);

    void setLockWaitMs(int ms) { m_lockWaitMs = ms; }
    // Disowns the previous target: no result of it is reported, an open question is closed.
    // std::nullopt or a spec whose password is not known yet: nothing runs.
    void setTarget(const std::optional<SessionSpec> &spec);
    // Applies what statuses have pending up to the version 'to' (everything when absent), on
    // the database of identity (where statuses were read).
    void apply(const std::optional<QString> &to, const QList<MigrationStatus> &statuses,
               const DatabaseIdentity &identity);
    // Previews the rollback, asks (what: the rollback in words), then rolls back exactly what
    // was previewed.
    void rollBack(const DownTarget &target, const QString &what);
    // Records every migration up to version as applied on the database of identity without
    // running it (a migration generated from that database's own drift).
    void recordAsApplied(const MigrationVersion &version, const DatabaseIdentity &identity);

signals:
    // A job to run on a one-shot worker of spec; the view waits for it.
    void started(uaip::Job *job, const uaip::SessionSpec &spec);
    // That job is over (sent before anything is said about it).
    void jobEnded();
    void message(const QString &text, bool error);
    // Where a rollback preview or a run failed; std::nullopt: in none of the migrations.
    void failure(const std::optional<uaip::MigrationFailure> &failure);
    // A rollback preview is ready (before the confirmation is asked).
    void previewReady();
    // Nothing more runs. refresh: the status is to be read again first.
    void finished(bool ok, bool refresh);

private:
    bool isConnected() const { return m_target && m_target->isComplete(); }
    // The apply's forecast is read: asks, then applies (after the backup when wanted).
    void onForecastFinished(const ApplyForecastJob &forecast, bool ok, const QString &summary);
    void applyConfirmed();
    // Reads what it needs of preview before any question is asked.
    void onPreviewFinished(const RollbackPreviewJob &preview, bool ok, const QString &summary,
                           const QString &what);
    void confirmRollback(const RollbackImpact &impact, const DownTarget &down,
                         const DatabaseIdentity &identity, const QString &what);
    void startRun(MigrationRunJob *job);
    void onRunFinished(const RunResult &result, MigrationRunJob *job);
    MigrationRunOptions runnerOptions(int lockWaitMs) const;

    const MigrationSource &m_source;
    const MigrationActions *m_actions;
    BackupGate *m_backup;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    std::optional<SessionSpec> m_target;
    ConnectionProfile m_profile; // of the target
    int m_lockWaitMs = 10000;
    int m_generation = 0; // of the target: results of older jobs are ignored
    bool m_asking = false; // a question of the confirmer is open
    std::function<MigrationRunJob *(int lockWaitMs)> m_makeRun; // the last apply/rollback
};

} // namespace uaip
