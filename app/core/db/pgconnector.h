#pragma once

#include "connectfailure.h"
#include "pgopenoptions.h"
#include "pgtypes.h"

#include <QCoreApplication>

namespace uaip {

// Opens libpq connections: the one place the code connects (PgConnection::open uses it; the
// GUI's sessions are QPSQL's, adopted). connect_timeout (default 10 s) bounds each host's
// attempt; with verboseErrors the whole attempt's (a non-blocking connect waiting on the
// socket), since the verbose layout must be set before the server answers.
class PgConnector
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgConnector)

public:
    // The open connection, or nullptr with *failure saying why.
    static PGconn *connect(const QString &conninfo, const PgOpenOptions &options,
                           ConnectFailure *failure);

private:
    // Drives a started connection to its end within the conninfo's connect_timeout.
    static bool finish(PGconn *connection, bool *timedOut);
};

} // namespace uaip
