#include "primaryserver.h"

#include "servertools.h"
#include "testcluster.h"

namespace uaip::test {

PrimaryServer::PrimaryServer()
    : Sandbox(ServerTools::makeDir(QStringLiteral("uaip-prim"), false))
{
    // the test cluster's superuser password: the tests' password file serves both
    setFirstSuperuserPassword(TestCluster::superuserPassword());
    const Status started = start(Sandbox::Options{false, false, true});
    m_running = started.ok();
    m_error = started.error().toString();
}

PrimaryServer::~PrimaryServer()
{
    if (m_running) // a test may have stopped it already (a failover): pg_ctl then says so
        ServerTools::run(QStringLiteral("pg_ctl"),
                         {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                          QStringLiteral("-D"), dataDir()});
    ServerTools::removeDir(rootDir());
}

} // namespace uaip::test
