#pragma once

#include "db/databaseidentity.h"
#include "db/sessionspec.h"
#include "ledger/ledgerevent.h"
#include "ledger/migration.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace uaip {

class JobManager;
class MigrationStatusJob;
class MigrationsViewLayout;
class SessionWorker;

// The Migrations view's status reads (MigrationStatusJob) on its own session, and what the
// last one found: the server's role, the database's identity, the ledger's events and whether
// the ledger exists. An answer fills the view's table, event log and detail pane, and the
// banner says what went wrong (or whose history it is, when another tool keeps it); the view
// is told (cancelled, failed, answered). A newer read or another target drops an older answer.
class MigrationStatusReader : public QObject
{
    Q_OBJECT
public:
    MigrationStatusReader(JobManager *jobs, MigrationsViewLayout &ui, QObject *parent);
    ~MigrationStatusReader() override;

    // A new target (std::nullopt, or a spec whose password is not known yet: no session);
    // nothing of the old one's is kept (a read on its way is cancelled, never waited for).
    void setTarget(const std::optional<SessionSpec> &spec);
    // Reads the status of migrations again (a read on its way is cancelled); false without a
    // session.
    bool start(const QList<Migration> &migrations);
    // Without a ledger of ours: "no ledger yet", or, when another tool keeps the history, whose
    // it is and "Adopt history…"; hides that note once our ledger exists.
    void showLedgerNote();

    SessionWorker *worker() const { return m_worker.get(); }
    bool ok() const { return m_ok; } // the last read succeeded
    bool standby() const { return m_standby; }
    const QString &serverRole() const { return m_serverRole; }
    const DatabaseIdentity &identity() const { return m_identity; }
    const QList<LedgerEvent> &events() const { return m_events; }

signals:
    // The read was cancelled: the list may be out of date.
    void cancelled();
    // The read failed: whether the session is open (a read that failed after it opened counts
    // as open); when not, why, in a DBA's words (ConnectionTester::diagnose).
    void failed(bool open, const QString &why);
    // The read answered; the view's parts show it.
    void answered();
    // What the server is (ServerTopology::role), and whether it is a standby.
    void roleRead(const QString &role, bool standby);
    // serverVersionNum: server_version_num (ServerSupport says whether it is supported)
    void sessionInfo(const QString &serverVersion, int serverVersionNum, const QString &database,
                     const QString &user, int latencyMs);

private:
    void onFinished(MigrationStatusJob *job, bool ok, const QString &summary);
    void show(const MigrationStatusJob &job);

    JobManager *m_jobs;
    MigrationsViewLayout &m_ui;
    std::unique_ptr<SessionWorker> m_worker;
    QPointer<MigrationStatusJob> m_job;
    int m_generation = 0; // of the target: results of older jobs are ignored
    bool m_ok = false;
    bool m_standby = false;
    QString m_serverRole;
    DatabaseIdentity m_identity;
    QList<LedgerEvent> m_events;
    bool m_ledgerExists = true; // as the last read found it
};

} // namespace uaip
