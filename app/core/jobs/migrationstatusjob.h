#pragma once

#include "dbjob.h"
#include "migrate/ledgerevent.h"
#include "migrate/migration.h"
#include "migrate/migrationstatus.h"

#include <QList>

namespace uaip {

// Reads what a window needs about a database: the status of every migration (files joined
// with the ledger), the whole event log, and who/where the session is. Read-only: no lock,
// no ledger created.
class MigrationStatusJob : public DbJob
{
    Q_OBJECT
public:
    MigrationStatusJob(const QString &conninfo, const QList<Migration> &migrations,
                       QObject *parent = nullptr);

    // Valid after finished(true).
    const QList<MigrationStatus> &statuses() const { return m_statuses; }
    const QList<LedgerEvent> &events() const { return m_events; }
    bool ledgerExists() const { return m_ledgerExists; }
    QString serverVersion() const { return m_serverVersion; }
    QString database() const { return m_database; }
    QString user() const { return m_user; }
    int latencyMs() const { return m_latencyMs; }
    // Connection failed (as opposed to a query failing); the text is libpq's.
    bool connectionFailed() const { return m_connectionFailed; }

    static constexpr int kEventLimit = 1000;

protected:
    bool execute(QString *summary) override;

private:
    QString m_conninfo;
    QList<Migration> m_migrations;
    QList<MigrationStatus> m_statuses;
    QList<LedgerEvent> m_events;
    bool m_ledgerExists = false;
    bool m_connectionFailed = false;
    QString m_serverVersion;
    QString m_database;
    QString m_user;
    int m_latencyMs = 0;
};

} // namespace uaip
