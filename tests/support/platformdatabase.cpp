#include "platformdatabase.h"

#include "migrate/migrationrunner.h"
#include "migrate/migrationsource.h"

namespace uaip::test {

PlatformDatabase::PlatformDatabase(const QString &applicationName)
{
    if (!connection.open(db.conninfo(), applicationName))
        qFatal("connect: %s", qPrintable(connection.connectionError()));
    MigrationSource source;
    if (!source.load(MigrationSource::bundledDir()))
        qFatal("bundled migrations: %s", qPrintable(source.errors().join(u'\n')));
    MigrationRunner runner(connection, source.migrations(), MigrationRunner::Options{});
    const RunResult r = runner.up();
    if (!r.ok())
        qFatal("migrations failed: %s", qPrintable(r.message));
}

} // namespace uaip::test
