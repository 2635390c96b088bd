#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// Where a connection really goes: through a connection pooler or straight to a server, a
// primary or a standby (and of which primary), which host of a multi-host list answered, and
// whether its transactions are read-only. Read in one statement (db/sql/server_topology.sql).
//
// A pooler is recognised honestly, not by its port: at connect, libpq keeps the backend pid
// the server (or whatever answers in its place) announced; a PostgreSQL backend announces its
// own, while PgBouncer, Odyssey, PgCat and Supavisor announce a pid of their own making (their
// cancel key), so the pid pg_backend_pid() reports differs. A client cannot tell session from
// transaction pooling: behind any pooler, a session of the client is not known to be one
// server session.
struct ServerTopology
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ServerTopology)

public:
    int clientPid = 0; // what libpq was told at connect (PQbackendPID)
    int serverVersion = 0; // server_version_num as the server reported it at connect
    int serverPid = 0; // pg_backend_pid() of the backend that ran the probe
    bool inRecovery = false; // pg_is_in_recovery(): a standby (or a server still recovering)
    QString primaryHost; // a standby's upstream (host, or host:port), when readable
    bool transactionReadOnly = false; // transaction_read_only at the probe
    bool defaultReadOnly = false; // default_transaction_read_only of the session
    QString host; // the host (or socket folder) libpq connected to, of a multi-host list
    QString port;

    static Result<ServerTopology> read(PgConnection &connection);

    bool pooled() const { return clientPid != 0 && serverPid != 0 && clientPid != serverPid; }
    // "primary" or "standby (read-only) of HOST" / "standby (read-only)".
    QString role() const;
    // The pooler, for messages: where it listens and how it was recognised.
    QString poolerDescription() const;
    // Why no writing command may run here (a standby), or empty.
    QString writeRefusal() const;
    // The host of a libpq conninfo (primary_conninfo), with its port when it has one; empty
    // when it names none or does not parse. Only host and port are read: the rest (a password)
    // never leaves this function.
    static QString hostOfConninfo(const QString &conninfo);
};

} // namespace uaip
