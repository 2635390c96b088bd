#pragma once

#include "dbjob.h"
#include "migrate/downtarget.h"
#include "migrate/migration.h"
#include "migrate/migrationrunner.h"
#include "migrate/runresult.h"

#include <optional>

namespace uaip {

// Applies (up) or rolls back (down) migrations with MigrationRunner on a connection of its own.
// Progress is per migration; the runner's notices become log lines; cancel() reaches the
// runner (PQcancel), which leaves the database as before the interrupted migration.
class MigrationRunJob : public DbJob
{
    Q_OBJECT
public:
    enum class Direction { Up, Down };

    // Up to 'to' (all pending when absent).
    static MigrationRunJob *up(const QString &conninfo, const QList<Migration> &migrations,
                               const std::optional<MigrationVersion> &to,
                               const MigrationRunner::Options &options);
    static MigrationRunJob *down(const QString &conninfo, const QList<Migration> &migrations,
                                 const DownTarget &target, const MigrationRunner::Options &options);

    Direction direction() const { return m_direction; }
    int lockWaitMs() const { return m_options.lockWaitMs; }
    // Valid after finished().
    const RunResult &result() const { return m_result; }

protected:
    bool execute(QString *summary) override;

private:
    MigrationRunJob(const QString &title, const QString &conninfo,
                    const QList<Migration> &migrations, const MigrationRunner::Options &options);

    Direction m_direction = Direction::Up;
    QString m_conninfo;
    QList<Migration> m_migrations;
    MigrationRunner::Options m_options;
    std::optional<MigrationVersion> m_to;
    DownTarget m_target;
    RunResult m_result;
};

} // namespace uaip
