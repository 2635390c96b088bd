#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// The PostgreSQL server programs a sandbox runs (Sandbox), one set per major version: Debian's
// (/usr/lib/postgresql/<major>/bin; the default is pg_config --bindir's, else the newest there),
// else a build fetched into buildsDir() (`uaip-migrate sandbox install <major>`:
// ServerBuildInstaller); and the workload libraries each has for shared_preload_libraries.
class SandboxServerPrograms
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxServerPrograms)

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
    // Why buildsDir() may not be used (empty when it may): it, or a folder above it, can be
    // changed by another user (owned by neither this user nor root, or writable by others and
    // not sticky), or, as root, a link leads to it. A build there could then be swapped for
    // another user's programs, which the sandbox runs.
    static QString buildsDirProblem();
    // Whether the fetched build of major is there whole and this user's (or root's): bin/
    // initdb, pg_ctl and postgres regular files, no link on the way, none writable by another
    // user, in a safe buildsDir(). A build that is not is never run.
    static bool trustedBuild(int major);
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
