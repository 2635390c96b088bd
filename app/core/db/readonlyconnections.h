#pragma once

#include <QString>

namespace uaip {

class PgConnection;

// The connections the console must keep read-only itself: a read-only profile or target whose
// server did not take default_transaction_read_only (a connection pooler that drops the
// `options` startup parameter, ignore_startup_parameters = options), or any read-only one, to be
// sure. Read-only is then enforced per transaction, which holds behind any pooler: every
// TransactionGuard transaction on such a connection is BEGIN ... READ ONLY, and the writing
// commands (migrations, ledger writes) refuse it before anything runs. Nothing is set for the
// session (a pooler would hand the setting to another client). Whoever marks a connection
// unmarks it before the PgConnection goes. Thread-safe.
class ReadOnlyConnections
{
public:
    static void mark(const PgConnection *connection);
    static void unmark(const PgConnection *connection);
    static bool contains(const PgConnection *connection);
    // Whether a libpq `options` value (-c name=value / --name=value switches) asks the server
    // for default_transaction_read_only (or transaction_read_only) on.
    static bool requestedIn(const QString &options);
    // The `options` a connection was opened with (PQconninfo), or empty.
    static QString optionsOf(const PgConnection &connection);
};

} // namespace uaip
