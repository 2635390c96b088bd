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

// One database session of the GUI: a QSqlDatabase with the QPSQL driver under a connection
// name of its own, plus a PgConnection that adopts the driver's PGconn* (never owning it) for
// what only libpq does: COPY, cancel, PG_DIAG fields, pipelines, protocol-bound parameters.
//
// Thread affinity: a Session is created, used and destroyed on one thread (its worker's);
// QSqlDatabase allows nothing else. Only canceller() is for other threads.
//
// On open it undoes what QPSQL sets that the core does not expect (bytea_output back to hex),
// reads the database identity, and for read-only profiles sets default_transaction_read_only
// at the server (startup option), so a write fails there whatever path it takes.
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
    // The QPSQL connection, for QSqlQuery on typed plain reads.
    QSqlDatabase database() const;
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

    SessionSpec m_spec;
    QString m_connectionName;
    PgConnection m_pg;
    DatabaseIdentity m_identity;
    std::shared_ptr<SessionCanceller> m_canceller;
};

} // namespace uaip
