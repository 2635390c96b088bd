#include "connectfailure.h"

namespace uaip {

Error ConnectFailure::error() const
{
    if (cancelled())
        return Error(ErrorCode::Cancelled, message);
    if (cause == Cause::BadConninfo) // what the user gave, not the network or the server
        return Error(ErrorCode::BadInput, message);
    if (sqlState.isEmpty()) // no server answered: libpq's words for why
        return Error(ErrorCode::Connection, message);
    PgError server; // the server refused the connection: its SQLSTATE, libpq's text of it
    server.severity = QStringLiteral("FATAL");
    server.sqlState = sqlState;
    server.message = message;
    return Error(server);
}

} // namespace uaip
