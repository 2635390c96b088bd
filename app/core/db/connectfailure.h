#pragma once

#include "error/error.h"

#include <QString>

namespace uaip {

// Why PgConnection::open() failed, from what the connector itself saw (PgConnector): never from
// the words of libpq's message, which the client's and the server's languages translate.
// message keeps libpq's text of every attempt (the server's errors in the verbose layout,
// "FATAL:  28P01: ...", LOCATION lines dropped) for people to read.
struct ConnectFailure
{
    // What ended the attempt that got furthest (a host list tries each host in turn).
    enum class Cause {
        None,
        // The caller cancelled it (SessionCanceller::cancel from another thread).
        Cancelled,
        // The connector's own lookup (getaddrinfo) found no address for the host name.
        UnknownHost,
        // After the socket failed to connect, the connector's own connect() to the same address
        // saw: no Unix socket at that path (ENOENT), ...
        NoSocket,
        // ... the connection refused (ECONNREFUSED), ...
        Refused,
        // ... no route to the host or its network (EHOSTUNREACH, ENETUNREACH).
        Unreachable,
        // connect_timeout passed before the socket connected.
        TimedOut,
        // The socket connected, but the server did not answer within connect_timeout.
        NoAnswer,
        // Failed while libpq negotiated SSL (PQstatus CONNECTION_SSL_STARTUP).
        Ssl,
        // The server answered with an error: sqlState says which.
        ServerError,
        // The server asks for a password and none was given (PQconnectionNeedsPassword).
        NeedsPassword,
        // Connected, but no host was of the type target_session_attrs asks for (libpq's check).
        WrongServerType,
        // Something else: libpq's message says what.
        Other,
        // libpq cannot read the connection string or URI it was given (a "postgresql://[::1"
        // without its "]", "host" without "="): nothing was tried; message is libpq's why.
        BadConninfo,
        // Connected, to a server older than the console supports (ServerSupport): closed
        // again before anything ran; message says which and why.
        UnsupportedServer,
    };

    Cause cause = Cause::None;
    QString message;
    // The server's SQLSTATE, when it sent an error (read from the verbose layout's code field).
    QString sqlState;
    QString user;
    QString database;
    // sslmode of the attempt, and whether the root certificate file verify-ca/verify-full needs
    // is missing (the connector looked for it).
    QString sslMode;
    bool rootCertMissing = false;

    bool needsPassword() const { return cause == Cause::NeedsPassword; }
    bool timedOut() const { return cause == Cause::TimedOut || cause == Cause::NoAnswer; }
    bool cancelled() const { return cause == Cause::Cancelled; }
    // The failure as the one error type: Cancelled; BadInput for a connection string libpq
    // cannot read; the server's refusal with its SQLSTATE (code Connection for 08/28/57P0x: a
    // wrong password, an unknown database ...); else Connection with libpq's words. Every face
    // reports a failed connect through this.
    Error error() const;
};

} // namespace uaip
