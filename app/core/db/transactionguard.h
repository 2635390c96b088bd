#pragma once

#include "dbresult.h"

#include <QByteArray>
#include <QCoreApplication>

namespace uaip {

class PgConnection;

// The one transaction guard: BEGIN on begin(), COMMIT on commit(), ROLLBACK when it goes out
// of scope uncommitted. Every command's status is checked: a COMMIT that the server answered
// with ROLLBACK (the transaction had failed) is an error, not a success.
//
//   TransactionGuard tx(connection);
//   if (DbStatus s = tx.begin(); !s) return s.error();
//   ... work ...
//   return tx.commit();
class TransactionGuard
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TransactionGuard)

public:
    explicit TransactionGuard(PgConnection &connection);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    // beginCommand: "BEGIN" or e.g. "BEGIN ISOLATION LEVEL REPEATABLE READ".
    DbStatus begin(const QByteArray &beginCommand = QByteArrayLiteral("BEGIN"));
    DbStatus commit();
    // Rolls back now (also done by the destructor); harmless when nothing is open.
    void rollback();
    bool isOpen() const { return m_open; }
    // The transaction id taken at begin() (txid_current), so a COMMIT whose answer was lost
    // can be settled with txid_status() on a new connection. 0 unless beginWithId().
    qint64 transactionId() const { return m_xid; }
    DbStatus beginWithId(const QByteArray &beginCommand = QByteArrayLiteral("BEGIN"));

private:
    PgConnection &m_connection;
    bool m_open = false;
    qint64 m_xid = 0;
};

} // namespace uaip
