#pragma once

#include <QString>

namespace uaip {

class PgConnection;

// Whether a connection asked the server for read-only transactions (its libpq `options`). A
// connection the console must keep read-only itself says so with PgConnection::setKeptReadOnly
// (a read-only profile or target whose server may not have taken the option: a connection
// pooler that drops the `options` startup parameter, ignore_startup_parameters = options).
class ReadOnlyConnections
{
public:
    // Whether a libpq `options` value (-c name=value / --name=value switches) asks the server
    // for default_transaction_read_only (or transaction_read_only) on.
    static bool requestedIn(const QString &options);
    // The `options` a connection was opened with (PQconninfo), or empty.
    static QString optionsOf(const PgConnection &connection);
};

} // namespace uaip
