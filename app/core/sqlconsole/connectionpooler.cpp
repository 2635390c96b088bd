#include "connectionpooler.h"

#include "db/pgconnection.h"
#include "db/servertopology.h"

namespace uaip {

Result<QString> ConnectionPooler::description(PgConnection &connection)
{
    const int pid = connection.backendPid();
    if (pid == 0 || pid != m_pid) {
        const Result<ServerTopology> topology = ServerTopology::read(connection);
        if (!topology)
            return topology.error();
        m_pid = pid;
        m_description
            = topology.value().pooled() ? topology.value().poolerDescription() : QString();
    }
    return m_description;
}

} // namespace uaip
