#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// The PostgreSQL server programs a sandbox runs (Sandbox), one set per major version: Debian's
// (/usr/lib/postgresql/<major>/bin; the default is pg_config --bindir's, else the newest there),
// else a build fetched into buildsDir() (`uaip-migrate sandbox install <major>`:
// ServerBuildInstaller); and the workload libraries each has for shared_preload_libraries.
class SandboxServerPrograms
{
public:
    // The default programs' folder (with initdb, pg_ctl and postgres); empty when none is found.
    // Debian's client programs (psql, pg_dump, pgbench) are there too.
    static QString binDir();
    // The major version of binDir() (postgres --version); 0 when there is none.
    static int defaultMajor();
    // The programs of one major version: Debian's where it has them, else the fetched build's;
    // empty when neither is there.
    static QString binDir(int major);
    // Where fetched builds are kept, one folder per major (<major>/bin, lib, share):
    // $UAIP_PG_BUILDS_DIR, else <the user's cache>/uaip-admin/postgresql.
    static QString buildsDir();
    static QString buildDir(int major);
    // The major versions whose programs are here (Debian's and fetched), ascending.
    static QList<int> installedMajors();
    // The workload libraries the sandbox preloads (shared_preload_libraries) when the server
    // of bin has them: pg_stat_statements (contrib), pg_qualstats
    // (postgresql-<major>-pg-qualstats).
    static QStringList preloadLibraries(const QString &bin);
    // Those libraries as pg_ctl -o options (" -c shared_preload_libraries='…'", every qual
    // sampled; none when the server has none).
    static QString workloadOptions(const QString &bin);
    // Room for prepared transactions as a pg_ctl -o option: only for clusters that play a
    // platform with an XA or outbox coordinator (the tests' clusters). A user's sandbox has
    // none: a prepared transaction holds its locks with no session, and one the scratch login
    // prepared in a scratch database would keep that database from being dropped or renamed.
    static QString preparedTransactionOptions();
};

} // namespace uaip
