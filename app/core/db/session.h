#pragma once

#include "databaseidentity.h"
#include "dbresult.h"
#include "pgconnection.h"
#include "sessionspec.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace uaip {

class SessionCanceller;

// One database session of the GUI: a libpq connection (PgConnection) opened by the session
// itself, for what the core does (plain reads, COPY, cancel, PG_DIAG fields, pipelines,
// protocol-bound parameters), and a QSqlDatabase with the QPSQL driver under a connection name
// of its own (registered on open, connected on the first database() call).
//
// Thread affinity: a Session is created, used and destroyed on one thread (its worker's);
// QSqlDatabase allows nothing else. Only canceller() is for other threads.
//
// Opening costs the connect and ONE statement: DateStyle ISO, bytea_output hex and the database
// identity; client_encoding and, for read-only profiles, default_transaction_read_only travel
// in the startup packet (SessionSpec::conninfo), so a write fails at the server whatever path
// it takes. QPSQL cannot adopt a connection it did not open (Qt 6.4's plugin exports no
// QPSQLDriver(PGconn*)), and its open sends five statements of its own, so it is connected only
// when asked for: database() then moves the session onto the QPSQL connection (pg() adopts its
// PGconn*, the canceller follows), so QSqlQuery and pg() still talk to one backend.
//
// Rule: never a live QSqlQuery while libpq uses the handle. pg() finishes the driver's
// unfinished result first (a test proves COPY after a query and a query after COPY).
class Session
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Session)

public:
    explicit Session(SessionSpec spec);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Opens the session; refuses an incomplete spec (password unknown, invalid profile).
    DbStatus open();
    void close();
    // True while the connection is usable (checked with libpq's status, no round trip).
    bool isOpen() const;

    const SessionSpec &spec() const { return m_spec; }
    QString connectionName() const { return m_connectionName; }
    // The QPSQL connection, for QSqlQuery on typed plain reads. The first call opens it and
    // moves the session onto it (a new backend: backendPid() changes, prepared statements and
    // temporary tables stay behind); refused, with a warning and a closed QSqlDatabase, while
    // a transaction is open on pg() or the new connection reaches another database.
    QSqlDatabase database();
    // libpq on the same connection (see the rule above).
    PgConnection &pg();
    // Database and cluster this session is on; read once at open().
    const DatabaseIdentity &identity() const { return m_identity; }
    int backendPid() const { return m_pg.backendPid(); }
    // For other threads: cancels the running command without blocking them.
    std::shared_ptr<SessionCanceller> canceller() const { return m_canceller; }

    // Every connection name Session ever used starts with this (for tests and diagnostics).
    static QString connectionNamePrefix() { return QStringLiteral("uaip-session-"); }

private:
    PgError openError(const QString &message, const QString &sqlState) const;
    // database()'s first call: opens QPSQL and moves pg() and the canceller onto it.
    QString openQpsql();

    SessionSpec m_spec;
    QString m_connectionName;
    PgConnection m_pg;
    DatabaseIdentity m_identity;
    std::shared_ptr<SessionCanceller> m_canceller;
    bool m_onQpsql = false;
};

} // namespace uaip
