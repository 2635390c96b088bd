#pragma once

#include <QString>

namespace uaip {

// How PgConnection::open() connects (PgConnector does it; every connect's errors come in libpq's
// verbose layout, which carries the server's SQLSTATE: ConnectFailure).
struct PgOpenOptions
{
    // fallback_application_name, or application_name with forceApplicationName (then it wins
    // over the conninfo's own); empty: "uaip-admin".
    QString applicationName;
    bool forceApplicationName = false;
    // Registered as one of this process's own backends (OwnBackends), which the Activity core
    // never signals; off for a connection that stands for another client (LockChainDemo).
    bool ownSession = true;
};

} // namespace uaip
