#include "platformdatabase.h"

#include "platformtemplate.h"

namespace uaip::test {

PlatformDatabase::PlatformDatabase(const QString &applicationName)
    : db(PlatformTemplate::name())
{
    if (!connection.open(db.conninfo(), applicationName))
        qFatal("connect: %s", qPrintable(connection.connectionError()));
}

} // namespace uaip::test
