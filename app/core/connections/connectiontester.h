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
class ConnectionTester
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConnectionTester)

public:
    // Synchronous: call it on a worker thread (see ConnectionTestJob).
    static ConnectionDiagnosis test(const QString &conninfo);
    // The same for a session spec; one whose password is not known yet is never opened.
    static ConnectionDiagnosis test(const SessionSpec &spec);
    // Classifies libpq's error text (what a failure before any server answer, or a QPSQL
    // open error, leaves); test() goes by the server's SQLSTATE and PQconnectionNeedsPassword.
    static ConnectionDiagnosis diagnose(const QString &libpqError);

private:
    static ConnectionDiagnosis diagnoseFailed(const ConnectFailure &failure);
    // Whether the connected role can write in its database, said in a sentence.
    static QString roleCanWrite(PgConnection &conn, std::optional<bool> *canWrite);
};

} // namespace uaip
