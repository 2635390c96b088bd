#pragma once

#include "connectfailure.h"

#include <QByteArray>
#include <QDeadlineTimer>

namespace uaip {

class SessionCanceller;

// Why a socket did not connect, as the connector sees it itself: after libpq's attempt failed
// before its socket connected, one connect() of the connector's own to the same place, whose
// errno says refused (ECONNREFUSED), no route (EHOSTUNREACH, ENETUNREACH) or no socket file
// (ENOENT). Never libpq's words. A probe that connects (the server came up meanwhile) says
// Other: libpq's message tells.
class ConnectProbe
{
public:
    // A TCP address (numeric) and port; the deadline and a cancel end the wait.
    static ConnectFailure::Cause tcp(const QByteArray &address, const QByteArray &port,
                                     SessionCanceller &canceller, const QDeadlineTimer &deadline);
    // A Unix socket folder ('@': the abstract namespace) and port.
    static ConnectFailure::Cause socket(const QByteArray &folder, const QByteArray &port);

private:
    static ConnectFailure::Cause causeOf(int error);
};

} // namespace uaip
