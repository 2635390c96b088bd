#pragma once

#include <QString>

namespace uaip {

// A cancel (pg_cancel_backend: the running statement ends) or terminate
// (pg_terminate_backend: the connection drops) aimed at one session — the pid and the
// backend_start the caller saw, both must still match — with what the caller knows of its
// profile. SessionControl refuses what must not happen.
struct SessionAction
{
    enum class Kind { Cancel, Terminate };

    Kind kind = Kind::Cancel;
    int pid = 0;
    // pg_stat_activity.backend_start as the caller saw it (ActivitySession::backendStart, any
    // timestamptz literal): a pid now held by a session with another start is another session.
    QString backendStart;
    // Sessions of the server's other databases too; without it only the connected database's.
    bool allDatabases = false;
    bool readOnlyProfile = false;
    bool production = false;
    QString confirmation; // on production: the name of the session's database, typed
};

} // namespace uaip
