#pragma once

#include <QString>

namespace uaip {

// How PgConnection::open() connects (PgConnector does it).
struct PgOpenOptions
{
    // fallback_application_name, or application_name with forceApplicationName (then it wins
    // over the conninfo's own); empty: "uaip-admin".
    QString applicationName;
    // libpq's verbose error layout, whose server errors carry their SQLSTATE ("FATAL:  28P01:
    // ..."), for a diagnosis that goes by the code (ConnectionTester).
    bool verboseErrors = false;
    bool forceApplicationName = false;
    // Registered as one of this process's own backends (OwnBackends), which the Activity core
    // never signals; off for a connection that stands for another client (LockChainDemo).
    bool ownSession = true;
};

} // namespace uaip
