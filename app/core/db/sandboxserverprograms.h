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
    // sampled; none when the server has none).
    static QString workloadOptions();
    // Room for prepared transactions as a pg_ctl -o option: only for clusters that play a
    // platform with an XA or outbox coordinator (the tests' clusters). A user's sandbox has
    // none: a prepared transaction holds its locks with no session, and one the scratch login
    // prepared in a scratch database would keep that database from being dropped or renamed.
    static QString preparedTransactionOptions();
};

} // namespace uaip
