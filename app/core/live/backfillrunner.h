#pragma once

#include "batchedstatement.h"
#include "db/pgresult.h"
#include "error/result.h"
#include "error/status.h"
#include "ledger/backfillposition.h"
#include "ledger/backfillprogress.h"
#include "ledger/scriptdirection.h"
#include "sqlparse/migrationdirectives.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <atomic>
#include <functional>
#include <optional>

namespace uaip {

class Ledger;
class LockRetry;
class PgConnection;
struct LedgerEntry;
struct LockAttempt;
struct Migration;
struct SqlStatement;

// Runs one statement of a uaip:batch migration (BatchedStatement) in committed batches along its
// table's primary key, from its first key to the last one it had when the walk began (rows the
// statement adds or moves ahead are not walked again): the upper key of the next batch is read
// first (the batch's rows in key order; keys read in one fixed spelling, whatever DateStyle or
// extra_float_digits the session has), then the batch runs in a transaction of its own with the
// dirty ledger row's position (BackfillPosition) written before its COMMIT, so each batch and its
// progress commit together and a run stopped anywhere (kill -9, Cancel, a lost connection) resumes
// after the last batch that committed. Each batch waits for its locks like any statement
// (LockRetry: short attempts, its own budget), runs under the statement timeout, and is followed by
// the directive's pause (on the server: a Cancel ends it). Rows added behind the walk after it
// passed them are not its to change: the application writes them itself.
class BackfillRunner
{
    Q_DECLARE_TR_FUNCTIONS(uaip::BackfillRunner)

public:
    struct Job
    {
        const Migration &migration;
        ScriptDirection direction;
        const SqlStatement &statement;
        int index; // in the script (0-based)
        QString at; // file:line:col
        MigrationDirectives::Batch batch;
        int attemptMs; // each lock attempt's lock_timeout
        int budgetMs; // each batch's lock budget
        QString checksum; // ProgressChecksum up to and including the statement
    };

    BackfillRunner(PgConnection &connection, LockRetry &lockRetry,
                   const std::atomic_bool &cancelled, std::function<void(const QString &)> notice,
                   std::function<void(const BackfillProgress &)> onProgress);

    // Runs the statement from resume (a position of the same statement, or none: from its
    // first key); entry is the run's dirty row, written with each batch. Done when it finished;
    // else what stopped it (the batches before it committed): the server's error, a Cancelled,
    // or a Refused walk. lockAttempts gets each lock attempt that gave up, and *lockScope the
    // LockRetry scope of the last.
    Status run(const Job &job, const BatchedStatement &statement, LedgerEntry &entry,
               Ledger &ledger, std::optional<BackfillPosition> resume,
               QList<LockAttempt> &lockAttempts, QString *lockScope);
    // How it went: the last progress reported (up --json's backfills[]).
    const BackfillProgress &progress() const { return m_progress; }

    // The walked table's key and its name as the server quotes it.
    struct Walk
    {
        QList<BatchedStatement::KeyColumn> key;
        QStringList quotedKey;
        QByteArray relation;
    };
    // The key statement (at: file:line:col) walks its table by; Refused for a table without a
    // primary key, or an UPDATE that sets a key column. What the run meets before its first
    // batch and BatchWalkGate before the plan's first statement (the dry run too).
    static Result<Walk> readWalk(PgConnection &connection, const BatchedStatement &statement,
                                 const QString &at);

private:
    // A new walk's position (its last key), or a resumed one checked against the table the
    // statement names now (Refused when it walks another).
    Result<BackfillPosition> startAt(const Job &job, const Walk &walk,
                                     std::optional<BackfillPosition> resume);
    // m_progress.total: the planner's estimate of an analyzed table, else a count (no
    // statement timeout: it is not the migration's work).
    Status countRows(const Walk &walk);
    // The last key of the next batch (rows keys after position.after, up to position.last);
    // none: the rest of the walk fits in it, *keysLeft then the keys in that rest.
    Result<std::optional<QStringList>> upperKey(const Walk &walk, const BackfillPosition &position,
                                                int rows, qint64 *keysLeft);
    // sql in a read-only transaction of its own, keys spelled as batch_read_pin.sql says;
    // statementTimeout: that transaction's (empty: the session's).
    PgResult readPinned(const QByteArray &sql, const QVariantList &params,
                        const QString &statementTimeout = QString());
    // One batch and its position in the ledger, in one transaction; next gets its rows.
    Status runBatch(const Job &job, const QByteArray &sql, const QStringList &params,
                    LedgerEntry &entry, Ledger &ledger, BackfillPosition &next);
    // runBatch, sent again while it gives up on a lock and the batch's budget lasts.
    Status runRetried(const Job &job, const QByteArray &sql, const QStringList &params,
                      LedgerEntry &entry, Ledger &ledger, BackfillPosition &next,
                      QList<LockAttempt> &lockAttempts, QString *lockScope);
    void report(const BackfillPosition &position, bool force);
    Status pause(int ms);

    PgConnection &m_connection;
    LockRetry &m_lockRetry;
    const std::atomic_bool &m_cancelled;
    std::function<void(const QString &)> m_notice;
    std::function<void(const BackfillProgress &)> m_onProgress;
    BackfillProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_lastNoticeMs = -1;
    qint64 m_walkedBefore = 0;
};

} // namespace uaip
