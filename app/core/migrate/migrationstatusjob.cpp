#include "migrationstatusjob.h"

#include "db/pgconnection.h"
#include "db/session.h"
#include "jobs/jobcontext.h"
#include "ledger/ledger.h"
#include "migrationrunner.h"

#include <QElapsedTimer>

namespace uaip {

MigrationStatusJob::MigrationStatusJob(const QList<Migration> &migrations, QObject *parent)
    : Job(tr("Read migration status"), parent)
    , m_migrations(migrations)
{ }

Result<QString> MigrationStatusJob::execute(JobContext &context)
{
    const Result<Session *> session = context.session();
    if (!session) {
        m_connectionFailed = true;
        return session.error();
    }
    PgConnection &c = session.value()->pg();
    m_identity = session.value()->identity();
    QElapsedTimer timer;
    timer.start();
    c.exec("SELECT 1");
    m_latencyMs = int(timer.elapsed());
    m_serverVersion = c.parameter("server_version");
    m_database = c.database();
    m_user = c.user();
    if (const Result<ServerTopology> topology = ServerTopology::read(c); topology)
        m_topology = topology.value();

    MigrationRunner runner(c, m_migrations, {});
    auto statuses = runner.status();
    if (!statuses)
        return statuses.error().in(tr("cannot read the migration ledger"));
    m_statuses = statuses.take();
    Ledger ledger(c, QStringLiteral("uaip-admin"));
    const Result<bool> exists = ledger.exists();
    m_ledgerExists = exists.ok() && exists.value();
    if (m_ledgerExists) {
        auto events = ledger.events(QString(), kEventLimit);
        if (!events)
            return events.error().in(tr("cannot read the migration event log"));
        m_events = events.take();
    }
    return tr("%n migration(s) known", nullptr, int(m_statuses.size()));
}

} // namespace uaip
