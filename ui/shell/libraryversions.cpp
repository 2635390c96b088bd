#include "libraryversions.h"

#include "db/pgconnection.h"

#include <pg_query.h>

#include <QtGlobal>

namespace uaip {

QString LibraryVersions::qt()
{
    return QString::fromLatin1(qVersion());
}

QString LibraryVersions::libpq()
{
    return fromVersionNumber(PgConnection::libraryVersion());
}

QString LibraryVersions::pgQuery()
{
    return QStringLiteral(PG_VERSION);
}

QString LibraryVersions::fromVersionNumber(int number)
{
    if (number <= 0)
        return QString();
    if (number >= 100000) // 10 and later: major * 10000 + minor
        return QStringLiteral("%1.%2").arg(number / 10000).arg(number % 10000);
    return QStringLiteral("%1.%2.%3").arg(number / 10000).arg(number / 100 % 100).arg(number % 100);
}

} // namespace uaip
