#pragma once

#include "replicationstate.h"

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads the replication state of the connected server in one round trip (a pipeline of
// activity/sql/replication_*.sql): the Activity view's Replication tab and `uaip-migrate
// activity --replication`.
class ReplicationReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ReplicationReader)

public:
    explicit ReplicationReader(PgConnection &connection);

    Result<ReplicationState> read();
    // "1.5 MiB", "312 B": a WAL distance for people.
    static QString bytesText(qint64 bytes);

private:
    PgConnection &m_connection;
};

} // namespace uaip
