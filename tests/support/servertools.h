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
    // folder) or an absolute path. True when it exited 0; its output in *output.
    static bool run(const QString &program, const QStringList &args, QString *output = nullptr,
                    int timeoutMs = 60000);
    static int freePort();
    // A new folder under /tmp (short enough for a Unix socket path), owned by the server user;
    // removed by removeDir.
    static QString makeDir(const QString &prefix);
    static void removeDir(const QString &dir);
    // pgbench's (and psql's) options that connect to database on sandbox's socket as its
    // superuser: -h, -p, -U and the database last.
    static QStringList connectionArgs(const Sandbox &sandbox, const QString &database);
};

} // namespace uaip::test
