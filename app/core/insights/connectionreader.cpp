#include "connectionreader.h"

#include "insightsreading.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

namespace {

qint64 msOrNone(const PgResult &r, int row, const char *column)
{
    const int c = r.columnIndex(column);
    return r.isNull(row, c) ? -1 : r.value(row, c).toLongLong();
}

} // namespace

ConnectionReader::ConnectionReader(PgConnection &connection)
    : m_connection(connection)
{ }

Result<ConnectionUsage> ConnectionReader::read()
{
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const std::vector<PgResult> results
        = m_connection.pipeline({SqlResource::of("insights", "connections"),
                                 SqlResource::of("insights", "connection_groups"),
                                 SqlResource::of("insights", "idle_in_transaction")});
    for (const PgResult &r : results)
        if (!r.ok()) {
            return Error(r.error()).in(
                tr("cannot read the connections of %1").arg(m_connection.database()));
        }
    ConnectionUsage u;
    u.maxConnections = results[0].value(0, "max_connections").toInt();
    u.reserved = results[0].value(0, "reserved").toInt();
    u.inUse = results[0].value(0, "in_use").toInt();
    const PgResult &g = results[1];
    for (int i = 0; i < g.rows(); ++i) {
        ConnectionGroup c;
        c.database = g.value(i, "datname");
        c.application = g.value(i, "application_name");
        c.state = g.value(i, "state");
        c.sessions = g.value(i, "sessions").toInt();
        c.oldestTransactionMs = msOrNone(g, i, "oldest_xact_ms");
        c.oldestStateMs = msOrNone(g, i, "oldest_state_ms");
        u.groups.append(c);
    }
    const PgResult &t = results[2];
    for (int i = 0; i < t.rows(); ++i) {
        IdleTransaction s;
        s.pid = t.value(i, "pid").toInt();
        s.user = t.value(i, "usename");
        s.database = t.value(i, "datname");
        s.application = t.value(i, "application_name");
        s.state = t.value(i, "state");
        s.transactionMs = t.value(i, "xact_ms").toLongLong();
        s.idleMs = t.value(i, "state_ms").toLongLong();
        s.lastQuery = t.value(i, "query");
        s.holdsXmin = t.value(i, "holds_xmin") == QLatin1String("t");
        u.idleInTransaction.append(s);
    }
    if (Status s = tx.end(); !s)
        return s.error();
    return u;
}

} // namespace uaip
