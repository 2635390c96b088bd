#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// The system's PostgreSQL server programs the sandbox runs (Sandbox): where they are
// (pg_config --bindir, else the newest /usr/lib/postgresql/<major>/bin), and the workload
// libraries that server has for its shared_preload_libraries.
class SandboxServerPrograms
{
public:
    // The folder with initdb, pg_ctl and postgres; empty when none is found.
    static QString binDir();
    // The workload libraries the sandbox preloads (shared_preload_libraries) when the server
    // has them: pg_stat_statements (contrib), pg_qualstats (postgresql-15-pg-qualstats).
    static QStringList preloadLibraries();
    // Those libraries as pg_ctl -o options (" -c shared_preload_libraries='…'", every qual
    // sampled; none when the server has none), and room for prepared transactions.
    static QString workloadOptions();
};

} // namespace uaip
