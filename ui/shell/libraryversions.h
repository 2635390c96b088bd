#pragma once

#include <QString>

namespace uaip {

// The versions of the libraries uaip-admin and uaip-migrate run with, for the About dialog
// and bug reports: the ones loaded at run time where the library can tell, else the one built
// against.
class LibraryVersions
{
public:
    static QString qt(); // qVersion(): the Qt loaded at run time
    static QString libpq(); // libpq's own version (PgConnection::libraryVersion()): "15.5"
    static QString pgQuery(); // libpg_query's parser version (PG_VERSION of pg_query.h)
    // libpq's/server_version_num style number to text: 150005 -> "15.5",
    // 90624 -> "9.6.24".
    static QString fromVersionNumber(int number);
};

} // namespace uaip
