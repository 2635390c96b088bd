#pragma once

#include "connectiondiagnosis.h"
#include "db/connectfailure.h"
#include "db/sessionspec.h"

#include <QCoreApplication>

#include <optional>

namespace uaip {

class PgConnection;

// Opens a connection once and says what happened in words a DBA understands
// (wrong password, unreachable host, SSL failure, ...), keeping libpq's own text beside it.
// The diagnosis goes by facts, never by the words of libpq's or the server's message (both are
// translated: a server with another lc_messages, a client in another language): the server's
// SQLSTATE, whether it asked for a password, and what the connector itself saw (ConnectFailure:
// its own host lookup, its own connect() after a socket failed, the deadline, SSL negotiation).
class ConnectionTester
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConnectionTester)

public:
    // Synchronous: call it on a worker thread (see ConnectionTestJob). conn: the connection
    // the test opens (its cancel() from another thread ends the attempt or the checks).
    static ConnectionDiagnosis test(const QString &conninfo, PgConnection &conn);
    static ConnectionDiagnosis test(const QString &conninfo);
    // The same for a session spec; one whose password is not known yet is never opened.
    static ConnectionDiagnosis test(const SessionSpec &spec, PgConnection &conn);
    static ConnectionDiagnosis test(const SessionSpec &spec);
    // A failed connect, in a DBA's words.
    static ConnectionDiagnosis diagnose(const ConnectFailure &failure);
    // A connect's error as text (a job's PgError message): classified by the SQLSTATE in libpq's
    // verbose layout ("FATAL:  28P01: ...") alone; without one, "the connection failed".
    static ConnectionDiagnosis diagnose(const QString &libpqError);

private:
    static ConnectionDiagnosis byServerCode(const ConnectFailure &failure);
    static QString sslSummary(const ConnectFailure &failure);
    // Whether the connected role can write in its database, said in a sentence.
    static QString roleCanWrite(PgConnection &conn, std::optional<bool> *canWrite);
};

} // namespace uaip
