#pragma once

#include "connectfailure.h"
#include "pgopenoptions.h"
#include "pgtypes.h"

#include <QCoreApplication>

namespace uaip {

class SessionCanceller;

// Opens libpq connections: the one place the code connects (PgConnection::open; the GUI's
// Session, the CLI and ConnectionTester through it). One path: a non-blocking connect
// (PQconnectStartParams) driven by PgSocketWait::forConnect, so a cancel from another thread
// (SessionCanceller::cancel) ends it at once. As libpq's blocking connect does,
// connect_timeout (default 10 s) bounds each address of each host, and the next is tried: the
// connector names the targets itself (ConnectTargets), looks host names up itself
// (HostResolver) and makes one attempt per address; target_session_attrs holds per attempt,
// prefer-standby as two passes (standby first, then any). The server's errors come in libpq's
// verbose layout, whose code field is their SQLSTATE; why a socket did not connect, the
// connector sees itself (ConnectProbe). ConnectFailure says which, never from libpq's words.
class PgConnector
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgConnector)

public:
    // What connect() gives: the open connection (the caller's to PQfinish), or none and the
    // failure saying why.
    struct Opened
    {
        PGconn *conn = nullptr;
        ConnectFailure failure;

        bool ok() const { return conn != nullptr; }
    };

    // canceller: its cancel() ends the attempt (called between its beginConnect() and
    // endConnect(), as PgConnection::open does).
    static Opened connect(const QString &conninfo, const PgOpenOptions &options,
                          SessionCanceller &canceller);
};

} // namespace uaip
