#include "fleetexpectedschemas.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"

namespace uaip {

FleetExpectedSchemas::FleetExpectedSchemas(QString sandboxBase, QList<Migration> migrations)
    : m_sandboxBase(std::move(sandboxBase))
    , m_migrations(std::move(migrations))
{ }

int FleetExpectedSchemas::built() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_snapshots.size() + m_errors.size());
}

Result<SchemaSnapshot> FleetExpectedSchemas::at(const QString &level, int major)
{
    const QString key = QString::number(major) + u'/' + level;
    QMutexLocker lock(&m_mutex);
    if (const auto failed = m_errors.constFind(key); failed != m_errors.cend())
        return *failed;
    if (const auto it = m_snapshots.constFind(key); it != m_snapshots.cend())
        return *it;
    Result<SchemaSnapshot> snapshot = build(level, major);
    if (!snapshot)
        m_errors.insert(key, snapshot.error());
    else
        m_snapshots.insert(key, *snapshot);
    return snapshot;
}

Result<SchemaSnapshot> FleetExpectedSchemas::build(const QString &level, int major)
{
    std::optional<MigrationVersion> to;
    if (!level.isEmpty()) {
        const auto parsed = MigrationVersion::parse(level);
        if (!parsed)
            return Error(ErrorCode::BadInput, tr("%1 is not a version").arg(level),
                         {{QStringLiteral("version"), level}});
        to = *parsed;
    }
    Sandbox sandbox = Sandbox::forMajor(m_sandboxBase, major);
    SandboxLease lease(sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error();
    ScratchDatabase scratch(sandbox, QStringLiteral("uaip_fleet"));
    if (const Status opened = scratch.open(m_migrations); !opened)
        return opened.error();
    if (to) {
        const RunResult up = scratch.runner().up(to);
        if (!up.ok())
            return Error(ErrorCode::Server,
                         tr("the migrations up to %1 failed on a sandbox database: %2")
                             .arg(level, up.message),
                         {{QStringLiteral("version"), level}});
    }
    return SchemaSnapshot::take(scratch.connection());
}

} // namespace uaip
