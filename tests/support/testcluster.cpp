#include "testcluster.h"

#include <QDir>

namespace uaip::test {

Sandbox &TestCluster::sandbox()
{
    static Sandbox *instance = [] {
        QString dir = qEnvironmentVariable("UAIP_TEST_SANDBOX_DIR");
        if (dir.isEmpty())
            dir = QDir::tempPath() + QStringLiteral("/uaip-test-sandbox");
        auto *s = new Sandbox(dir);
        QString error;
        if (!s->isRunning() && !s->start(Sandbox::Options{false, true}, &error))
            qFatal("cannot start the test sandbox in %s: %s", qPrintable(dir), qPrintable(error));
        return s;
    }();
    return *instance;
}

QString TestCluster::migrateBinary()
{
    return qEnvironmentVariable("UAIP_MIGRATE_BIN");
}

QString TestCluster::sourceDir()
{
    return qEnvironmentVariable("UAIP_SOURCE_DIR");
}

} // namespace uaip::test
