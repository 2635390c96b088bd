#pragma once

#include "error/result.h"
#include "error/status.h"
#include "pgresult.h"
#include "transactionoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QVariantList>

#include <vector>

namespace uaip {

class PgConnection;

// The one transaction type, and the only code that spells BEGIN, COMMIT, ROLLBACK or a savepoint
// (cmake/check_transaction_literals.cmake refuses them anywhere else in app/ and ui/).
//
//   Transaction tx(connection);
//   if (Status s = tx.begin(TransactionOptions::readOnly()); !s) return s.error();
//   ... work ...
//   return tx.end();
//
// begin() sends BEGIN with the options' access and isolation (or a savepoint when one is open
// and the options allow it), its settings and the id request in one round trip. Every command's
// status is checked: a COMMIT the server answered with ROLLBACK (the transaction had failed) is
// an error, not a success. Not ended, it rolls back when it goes out of scope.
//
// Engines that send a whole transaction in one libpq pipeline (BEGIN, the statements, COMMIT)
// take its commands' texts from the static functions below and read the COMMIT's answer with
// committed() / isRollbackTag().
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(uaip::Transaction)

public:
    explicit Transaction(PgConnection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Nothing stays open when it fails.
    Status begin(const TransactionOptions &options = {});
    // begin() and the work's first statements in one round trip (one pipeline): their results
    // (a failed one ends nothing: the caller ends or drops the transaction), or the error why
    // the transaction did not begin (then nothing stays open and no statement ran).
    Result<std::vector<PgResult>> beginWith(const TransactionOptions &options,
                                            const QList<QByteArray> &sql,
                                            const QList<QVariantList> &params);
    // The work's last statements and end() of an alwaysRollBack transaction in one round trip:
    // their results. Whatever the statements answered, nothing stays open (when a failed
    // statement made the server skip the rollback in the pipeline, it is sent on its own).
    // Any other transaction: only the statements (one pipeline); the caller ends it.
    std::vector<PgResult> endWith(const QList<QByteArray> &sql, const QList<QVariantList> &params);
    // COMMIT (a savepoint: RELEASE). Refused, and rolled back, when the options say
    // alwaysRollBack.
    Status commit();
    // commit(), or rollback() when the options say alwaysRollBack (then it always succeeds: a
    // lost connection shows in the next statement).
    Status end();
    // Rolls back now (also done by the destructor); harmless when nothing is open.
    void rollback();
    // Lets go without ending anything: for a savepoint the statements run in it may have ended
    // with their transaction (the SQL console's guard around the user's own statements).
    void forget();
    bool isOpen() const { return m_open; }
    // Whether begin() made a savepoint in a transaction that was already open.
    bool isSavepoint() const { return m_depth > 0; }
    // The transaction id taken at begin() (TransactionOptions::takeId), else 0.
    qint64 transactionId() const { return m_xid; }

    // The texts for a transaction sent in one pipeline: BEGIN with the options' access and
    // isolation (their other fields need commands of their own; keptReadOnly is not read).
    static QByteArray beginCommand(const TransactionOptions &options = {});
    static QByteArray commitCommand();
    static QByteArray rollbackCommand();
    // Makes the open transaction (or savepoint: ROLLBACK TO undoes it) READ ONLY from here on,
    // after what it had to write first (a probe's rolled back view).
    static QByteArray readOnlyCommand();
    // The savepoint of nesting depth (1 for the first in a transaction), as begin() names them.
    static QByteArray savepointCommand(int depth);
    static QByteArray rollbackToCommand(int depth);
    static QByteArray releaseCommand(int depth);
    // Whether the answer to a COMMIT says it committed (not failed, not answered ROLLBACK).
    static bool committed(const PgResult &commitAnswer);
    // A COMMIT's command tag: "COMMIT" when it committed; "ROLLBACK" when the transaction had
    // failed and the server rolled it back instead.
    static bool isCommitTag(const QByteArray &commandTag);
    static bool isRollbackTag(const QByteArray &commandTag);

private:
    // Whether the transaction begun with options is READ ONLY on this connection.
    bool readOnly(const TransactionOptions &options) const;
    // The opening commands, then the options' settings and id request, in one round trip;
    // then the work's first statements (their results in *work).
    Status sendBegin(const QList<QByteArray> &opening, const TransactionOptions &options,
                     const QList<QByteArray> &workSql = {},
                     const QList<QVariantList> &workParams = {},
                     std::vector<PgResult> *work = nullptr);
    // The opening commands of begin(options) (a BEGIN, or a savepoint in an open transaction),
    // or the refusal; m_depth set for a savepoint.
    Result<QList<QByteArray>> opening(const TransactionOptions &options);
    Error failure(const PgResult &result) const;
    void close();

    PgConnection &m_connection;
    TransactionOptions m_options;
    bool m_open = false;
    int m_depth = 0; // the savepoint's nesting depth; 0: a transaction of its own
    qint64 m_xid = 0;
};

} // namespace uaip
