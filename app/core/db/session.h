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

// One database session of the GUI, as the card says: a QSqlDatabase with the QPSQL driver
// under a connection name of its own, opened by QSqlDatabase::open(), and pg(), which adopts
// the driver's PGconn* for what the core does beyond QSqlQuery (plain reads with PG_DIAG
// fields, COPY, cancel, pipelines, protocol-bound parameters). One backend answers both.
//
// Thread affinity: a Session is created, used and destroyed on one thread (its worker's);
// QSqlDatabase allows nothing else. Only canceller() is for other threads.
//
// Opening costs the connect, QPSQL's own statements (version, backslash check, encoding,
// DateStyle ISO; its bytea_output escape is kept from the server by QpsqlOpenGuard) and ONE of
// the session's, through QSqlQuery: the database identity, and bytea_output hex only where the
// database or role configures another default. Nothing else is set for the
// session: a unit of work (beginUnitOfWork) checks the reported DateStyle and client_encoding
// and restores them where a pooler handed over a backend set up differently.
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
    // The QPSQL connection the session was opened with, for QSqlQuery.
    QSqlDatabase database();
    // libpq on the same connection (see the rule above).
    PgConnection &pg();
    // Database and cluster this session is on; read once at open().
    const DatabaseIdentity &identity() const { return m_identity; }
    int backendPid() const { return m_pg.backendPid(); }
    // Called before each job: the reported DateStyle and client_encoding checked (no round
    // trip) and restored if a pooler gave this client a backend with other ones.
    DbStatus beginUnitOfWork();
    // For other threads: cancels the running command without blocking them.
    std::shared_ptr<SessionCanceller> canceller() const { return m_pg.canceller(); }

    // How many sessions of this process are open on a QPSQL connection now (for tests and
    // diagnostics: the card's "connects through QSqlDatabase (QPSQL)", counted).
    static int openQpsqlConnections();

    // Every connection name Session ever used starts with this (for tests and diagnostics).
    static QString connectionNamePrefix() { return QStringLiteral("uaip-session-"); }

private:
    PgError openError(const QString &message, const QString &sqlState) const;
    SessionSpec m_spec;
    QString m_connectionName;
    PgConnection m_pg;
    DatabaseIdentity m_identity;
    bool m_counted = false;
};

} // namespace uaip
