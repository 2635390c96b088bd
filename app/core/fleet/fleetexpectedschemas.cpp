#include "fleetexpectedschemas.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"

namespace uaip {

FleetExpectedSchemas::FleetExpectedSchemas(Sandbox &sandbox, QList<Migration> migrations)
    : m_sandbox(sandbox)
    , m_migrations(std::move(migrations))
{ }

int FleetExpectedSchemas::built() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_snapshots.size() + m_errors.size());
}

std::optional<SchemaSnapshot> FleetExpectedSchemas::at(const QString &level, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (m_errors.contains(level)) {
        *error = m_errors.value(level);
        return std::nullopt;
    }
    if (const auto it = m_snapshots.constFind(level); it != m_snapshots.cend())
        return *it;
    QString why;
    auto snapshot = build(level, &why);
    if (!snapshot) {
        m_errors.insert(level, why);
        *error = why;
        return std::nullopt;
    }
    m_snapshots.insert(level, snapshot);
    return snapshot;
}

std::optional<SchemaSnapshot> FleetExpectedSchemas::build(const QString &level, QString *error)
{
    std::optional<MigrationVersion> to;
    if (!level.isEmpty()) {
        to = MigrationVersion::parse(level);
        if (!to) {
            *error = tr("%1 is not a version").arg(level);
            return std::nullopt;
        }
    }
    SandboxLease lease(m_sandbox); // stopped again at the end if this started it
    if (!lease.acquire(error))
        return std::nullopt;
    ScratchDatabase scratch(m_sandbox, QStringLiteral("uaip_fleet"));
    if (!scratch.open(m_migrations, error))
        return std::nullopt;
    if (to) {
        const RunResult up = scratch.runner().up(to);
        if (!up.ok()) {
            *error = tr("the migrations up to %1 failed on a sandbox database: %2")
                         .arg(level, up.message);
            return std::nullopt;
        }
    }
    return SchemaSnapshot::take(scratch.connection(), error);
}

} // namespace uaip
