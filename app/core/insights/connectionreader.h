#pragma once

#include "connectionusage.h"

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Reads how many connection slots the server has left and who holds them (pg_stat_activity),
// and the sessions idle in a transaction. Needs no extension; a role without
// pg_read_all_stats sees other roles' sessions without their state or query.
class ConnectionReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConnectionReader)

public:
    explicit ConnectionReader(PgConnection &connection);

    Result<ConnectionUsage> read();

private:
    PgConnection &m_connection;
};

} // namespace uaip
