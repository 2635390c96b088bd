#pragma once

#include "db/databaseidentity.h"
#include "db/servertopology.h"
#include "error/pgerror.h"
#include "jobs/job.h"
#include "ledger/ledgerevent.h"
#include "ledger/migration.h"
#include "ledger/migrationstatus.h"

#include <QList>

namespace uaip {

// Reads what a window needs about a database: the status of every migration (files joined
// with the ledger), the whole event log, and who/where the session is. Read-only: no lock,
// no ledger created.
class MigrationStatusJob : public Job
{
    Q_OBJECT
public:
    explicit MigrationStatusJob(const QList<Migration> &migrations, QObject *parent = nullptr);

    // Valid after finished(true).
    const QList<MigrationStatus> &statuses() const { return m_statuses; }
    const QList<LedgerEvent> &events() const { return m_events; }
    bool ledgerExists() const { return m_ledgerExists; }
    QString serverVersion() const { return m_serverVersion; }
    QString database() const { return m_database; }
    QString user() const { return m_user; }
    int latencyMs() const { return m_latencyMs; }
    // Which database the session is on: what a later run must find again.
    const DatabaseIdentity &identity() const { return m_identity; }
    // The server's role (primary, standby of ...) and the path to it (a pooler).
    const ServerTopology &topology() const { return m_topology; }
    // Connection failed (as opposed to a query failing); error() says why.
    bool connectionFailed() const { return m_connectionFailed; }

    static constexpr int kEventLimit = 1000;

protected:
    Result<QString> execute(JobContext &context) override;

private:
    QList<Migration> m_migrations;
    QList<MigrationStatus> m_statuses;
    QList<LedgerEvent> m_events;
    bool m_ledgerExists = false;
    bool m_connectionFailed = false;
    QString m_serverVersion;
    QString m_database;
    QString m_user;
    int m_latencyMs = 0;
    DatabaseIdentity m_identity;
    ServerTopology m_topology;
};

} // namespace uaip
