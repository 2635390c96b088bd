#pragma once

#include "connectiondiagnosis.h"

namespace uaip {

// Opens a connection once and says what happened in words a DBA understands
// (wrong password, unreachable host, SSL failure, ...), keeping libpq's own text beside it.
class ConnectionTester
{
public:
    // Synchronous: call it on a worker thread (see ConnectionTestJob).
    static ConnectionDiagnosis test(const QString &conninfo);
    // Classifies libpq's error text.
    static ConnectionDiagnosis diagnose(const QString &libpqError);
};

} // namespace uaip
