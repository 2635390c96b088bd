#pragma once

#include "databaseidentity.h"
#include "error/status.h"
#include "pgconnection.h"
#include "sessionspec.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace uaip {

class SessionCanceller;

// One database session of the GUI, as the card says: a QSqlDatabase under a connection name of
// its own, for QSqlQuery, and pg(), the same connection for what the core does beyond QSqlQuery
// (plain reads with PG_DIAG fields, COPY, cancel, pipelines, protocol-bound parameters). One
// backend answers both. The connection is opened by PgConnector, like every other (cancellable:
// canceller()), and the QSqlDatabase is the project's driver over it (PgSqlDriver, registered
// with QSqlDatabase::addDatabase(driver, name)), not Qt's QPSQL plugin: QPSQL's open sends SETs
// (bytea_output, DateStyle, client_encoding) that a transaction pooler hands on to other clients,
// and Qt 6.4 exports no QPSQLDriver to build over a connection of ours.
//
// Thread affinity: a Session is created, used and destroyed on one thread (its worker's);
// QSqlDatabase allows nothing else. Only canceller() is for other threads.
//
// Opening costs the connect (client_encoding UTF8 in the startup packet) and ONE statement,
// through QSqlQuery: the database identity, with DateStyle ISO and bytea_output hex set only where
// the database or role configures another default. Nothing else is set for the session: a unit
// of work (beginUnitOfWork) checks the reported DateStyle and client_encoding and restores them
// where a pooler handed over a backend set up differently. A QSqlQuery holds its whole result, so
// libpq may use the connection while a query is alive.
class Session
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Session)

public:
    explicit Session(SessionSpec spec);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Opens the session; refuses an incomplete spec (password unknown, invalid profile).
    Status open();
    void close();
    // True while the connection is usable (checked with libpq's status, no round trip).
    bool isOpen() const;

    const SessionSpec &spec() const { return m_spec; }
    QString connectionName() const { return m_connectionName; }
    // The session's QSqlDatabase (PgSqlDriver over pg()), for QSqlQuery.
    QSqlDatabase database();
    // libpq on the same connection.
    PgConnection &pg() { return m_pg; }
    // Database and cluster this session is on; read once at open().
    const DatabaseIdentity &identity() const { return m_identity; }
    int backendPid() const { return m_pg.backendPid(); }
    // Called before each job: the reported DateStyle and client_encoding checked (no round
    // trip) and restored if a pooler gave this client a backend with other ones.
    Status beginUnitOfWork();
    // For other threads: cancels the running command, or the open() under way, without
    // blocking them.
    std::shared_ptr<SessionCanceller> canceller() const { return m_pg.canceller(); }
    // After a failed open(): why, as the connector saw it.
    const ConnectFailure &connectFailure() const { return m_pg.connectFailure(); }

    // How many sessions of this process are open on a QSqlDatabase connection now (for tests
    // and diagnostics: the card's "connects through QSqlDatabase", counted).
    static int openConnections();

    // Every connection name Session ever used starts with this (for tests and diagnostics).
    static QString connectionNamePrefix() { return QStringLiteral("uaip-session-"); }

private:
    Error openError(const Error &why) const;
    SessionSpec m_spec;
    QString m_connectionName;
    PgConnection m_pg;
    DatabaseIdentity m_identity;
    bool m_counted = false;
};

} // namespace uaip
