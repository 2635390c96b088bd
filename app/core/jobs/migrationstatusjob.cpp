#include "migrationstatusjob.h"

#include "db/pgconnection.h"
#include "migrate/ledger.h"
#include "migrate/migrationrunner.h"

#include <QElapsedTimer>

namespace uaip {

MigrationStatusJob::MigrationStatusJob(const QString &conninfo, const QList<Migration> &migrations,
                                       QObject *parent)
    : DbJob(tr("Read migration status"), parent)
    , m_conninfo(conninfo)
    , m_migrations(migrations)
{ }

bool MigrationStatusJob::execute(QString *summary)
{
    PgConnection c;
    QString error;
    emit progress(0, 0, tr("connecting"));
    if (!openConnection(c, m_conninfo, &error)) {
        m_connectionFailed = true;
        *summary = error;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    c.exec("SELECT 1");
    m_latencyMs = int(timer.elapsed());
    m_serverVersion = c.parameter("server_version");
    m_database = c.database();
    m_user = c.user();

    MigrationRunner runner(c, m_migrations, {});
    const auto statuses = runner.status(&error);
    if (!statuses) {
        *summary = tr("cannot read the migration ledger: %1").arg(error);
        return false;
    }
    m_statuses = *statuses;
    Ledger ledger(c, applicationName());
    m_ledgerExists = ledger.exists(&error);
    if (m_ledgerExists) {
        const auto events = ledger.events(QString(), kEventLimit, &error);
        if (!events) {
            *summary = tr("cannot read the migration event log: %1").arg(error);
            return false;
        }
        m_events = *events;
    }
    *summary = tr("%1 migration(s) known").arg(m_statuses.size());
    return true;
}

} // namespace uaip
