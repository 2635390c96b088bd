#pragma once

#include "error/result.h"

#include <QString>

namespace uaip {

class PgConnection;

// The connection pooler a connection goes through (ServerTopology::pooled), read from the
// server once per connection.
class ConnectionPooler
{
public:
    // The pooler's description; empty for a direct connection.
    Result<QString> description(PgConnection &connection);

private:
    // What was read: the pooler's description (empty: a direct connection), for the
    // connection (PQbackendPID at connect, which a reconnect changes) it was read on.
    int m_pid = 0;
    QString m_description;
};

} // namespace uaip
