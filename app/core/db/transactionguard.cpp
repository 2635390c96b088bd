#include "transactionguard.h"

#include "pgconnection.h"

#include <QCoreApplication>

#include <libpq-fe.h>

namespace uaip {

namespace {

constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";
constexpr char kSetReadOnly[] = "SET TRANSACTION READ ONLY";
constexpr char kTransactionId[] = "SELECT txid_current()";

PgError commandError(const char *command, const QString &status)
{
    PgError e;
    e.severity = QStringLiteral("ERROR");
    e.sqlState = QStringLiteral("40000"); // transaction_rollback
    e.message = QCoreApplication::translate("uaip::TransactionGuard",
                                            "%1 was answered with \"%2\": nothing was saved")
                    .arg(QLatin1String(command), status);
    return e;
}

} // namespace

TransactionGuard::TransactionGuard(PgConnection &connection)
    : m_connection(connection)
{ }

TransactionGuard::~TransactionGuard()
{
    rollback();
}

DbStatus TransactionGuard::begin(const QByteArray &beginCommand)
{
    PgResult r = m_connection.exec(beginCommand);
    if (!r.ok())
        return r.error();
    m_open = true;
    // A connection the console keeps read-only (PgConnection::keptReadOnly): every transaction is
    // READ ONLY, whatever the server's default says (a pooler may have dropped the startup
    // option). A statement of its own, so no begin command's text is rewritten.
    if (m_connection.keptReadOnly()) {
        PgResult readOnly = m_connection.exec(kSetReadOnly);
        if (!readOnly.ok()) {
            rollback();
            return readOnly.error();
        }
    }
    return {};
}

DbStatus TransactionGuard::beginWithId(const QByteArray &beginCommand)
{
    if (DbStatus s = begin(beginCommand); !s)
        return s;
    PgResult id = m_connection.exec(kTransactionId);
    if (!id.ok())
        return id.error();
    m_xid = id.value(0, 0).toLongLong();
    return {};
}

DbStatus TransactionGuard::commit()
{
    if (!m_open)
        return commandError(kCommit, tr("no transaction"));
    PgResult r = m_connection.exec(kCommit);
    m_open = false;
    if (!r.ok()) {
        PgError e = r.error();
        if (!e.isSet()) {
            e.sqlState = QStringLiteral("08006"); // connection_failure
            e.message = m_connection.connectionError();
        }
        return e;
    }
    const QString status = QString::fromLatin1(PQcmdStatus(r.handle()));
    if (status != QLatin1String(kCommit))
        return commandError(kCommit, status);
    return {};
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_connection.isOpen())
        m_connection.exec(kRollback);
}

} // namespace uaip
