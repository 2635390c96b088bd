#pragma once

#include <QString>

namespace uaip {

// A cancel (pg_cancel_backend: the running statement ends) or terminate
// (pg_terminate_backend: the connection drops) aimed at one session, with what the caller knows
// of its profile. SessionControl refuses what must not happen.
struct SessionAction
{
    enum class Kind { Cancel, Terminate };

    Kind kind = Kind::Cancel;
    int pid = 0;
    bool readOnlyProfile = false;
    bool production = false;
    QString confirmation; // on production: the database name, typed
};

} // namespace uaip
