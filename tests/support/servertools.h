#pragma once

#include <QString>
#include <QStringList>

namespace uaip {
class Sandbox;
}

namespace uaip::test {

// What the topology helpers (PgBouncer, StandbyServer) share: running a server program as the
// user PostgreSQL's servers run as (runuser -u postgres under root), a free port, a fresh
// folder that user owns, and the client tools' options for a sandbox's database.
class ServerTools
{
public:
    // program: a PostgreSQL server binary name (pg_ctl, pg_basebackup: from the server bin
    // folder) or an absolute path. True when it exited 0; its output in *output. environment:
    // "NAME=value" added to its environment (PGPASSWORD: the server user cannot read the
    // tests' password file).
    static bool run(const QString &program, const QStringList &args, QString *output = nullptr,
                    int timeoutMs = 60000, const QStringList &environment = {});
    static int freePort();
    // A new folder under /tmp (short enough for a Unix socket path), owned by the server user
    // (forServer) or by the test's user (a Sandbox's folder: it gives its parts to the server
    // user itself); removed by removeDir.
    static QString makeDir(const QString &prefix, bool forServer = true);
    static void removeDir(const QString &dir);
    // pgbench's (and psql's) options that connect to database on sandbox's socket as its
    // superuser: -h, -p, -U and the database last, as a conninfo naming the sandbox's password
    // file (psql, pgbench and pg_dump expand a database argument holding '=').
    static QStringList connectionArgs(const Sandbox &sandbox, const QString &database);
};

} // namespace uaip::test
