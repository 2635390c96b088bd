#include "backfillrunner.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/ledgerentry.h"
#include "lockretry.h"
#include "sqlparse/sqlstatement.h"

namespace uaip {

namespace {

QVariantList variants(const QStringList &values)
{
    QVariantList out;
    for (const QString &v : values)
        out << v;
    return out;
}

// A progress line at most this often (the first and the last always).
constexpr qint64 kNoticeEveryMs = 1000;

} // namespace

BackfillRunner::BackfillRunner(PgConnection &connection, LockRetry &lockRetry,
                               const std::atomic_bool &cancelled,
                               std::function<void(const QString &)> notice,
                               std::function<void(const BackfillProgress &)> onProgress)
    : m_connection(connection)
    , m_lockRetry(lockRetry)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
    , m_onProgress(std::move(onProgress))
{ }

Status BackfillRunner::run(const Job &job, const BatchedStatement &statement, LedgerEntry &entry,
                           Ledger &ledger, std::optional<BackfillPosition> resume,
                           QList<LockAttempt> &lockAttempts, QString *lockScope)
{
    const Result<Walk> walk = readWalk(m_connection, statement, job.at);
    if (!walk)
        return walk.error();
    const Result<BackfillPosition> start = startAt(job, *walk, resume);
    if (!start)
        return start.error();
    BackfillPosition position = *start;
    m_progress = BackfillProgress{};
    m_progress.migration = job.migration.id();
    m_progress.at = job.at;
    m_progress.table = statement.table();
    m_progress.kind = statement.kindName();
    m_walkedBefore = position.walked;
    if (const Status counted = countRows(*walk); !counted)
        return counted;
    m_clock.start();
    m_progress.walked = position.walked;
    m_progress.changed = position.changed;
    m_progress.batches = position.batches;
    m_progress.done = position.done;
    // the statement with its key range, written once: the first batch's has no lower bound;
    // every batch is bounded above, the last one by the walk's last key
    const Result<QByteArray> first = statement.rangeSql(walk->key, false, true);
    const Result<QByteArray> later = statement.rangeSql(walk->key, true, true);
    if (!first || !later) {
        const Error &why = (!later ? later : first).error();
        return Error(why.code(),
                     tr("the batch of %1 cannot be written: %2").arg(job.at, why.toString()),
                     why.args());
    }
    while (!position.done) {
        if (m_cancelled.load())
            return Error(ErrorCode::Cancelled, tr("cancelled by the user"));
        qint64 lastBatchKeys = 0;
        const Result<std::optional<QStringList>> upper
            = upperKey(*walk, position, job.batch.rows, &lastBatchKeys);
        if (!upper)
            return upper.error();
        const QByteArray &sql = position.after.isEmpty() ? *first : *later;
        BackfillPosition next = position;
        next.after = upper->value_or(position.last);
        next.walked += *upper ? job.batch.rows : lastBatchKeys;
        next.batches += 1;
        next.done = !*upper;
        if (const Status ran = runRetried(job, sql, position.after + next.after, entry, ledger,
                                          next, lockAttempts, lockScope);
            !ran)
            return ran;
        position = next;
        report(position, position.done);
        if (position.done || job.batch.pauseMs <= 0)
            continue;
        if (const Status paused = pause(job.batch.pauseMs); !paused)
            return paused;
    }
    return {};
}

Status BackfillRunner::runRetried(const Job &job, const QByteArray &sql, const QStringList &params,
                                  LedgerEntry &entry, Ledger &ledger, BackfillPosition &next,
                                  QList<LockAttempt> &lockAttempts, QString *lockScope)
{
    const QString scope = QStringLiteral("%1:%2:batch %3")
                              .arg(job.migration.id())
                              .arg(job.index + 1)
                              .arg(next.batches);
    for (;;) {
        const Status ran = runBatch(job, sql, params, entry, ledger, next);
        const std::optional<PgError> &server = ran.error().server();
        if (ran || !server || !LockRetry::isLockTimeout(*server) || !m_connection.isOpen())
            return ran;
        const bool again
            = m_lockRetry.again(job.migration, job.direction, job.statement, job.budgetMs, scope);
        lockAttempts << m_lockRetry.attempts().last();
        *lockScope = scope;
        if (!again)
            return ran;
    }
}

Result<BackfillPosition> BackfillRunner::startAt(const Job &job, const Walk &walk,
                                                 std::optional<BackfillPosition> resume)
{
    if (resume) {
        if (resume->relation == QString::fromUtf8(walk.relation)
            && (resume->after.isEmpty() || resume->after.size() == walk.key.size())
            && resume->last.size() == walk.key.size())
            return *resume;
        return Error(ErrorCode::Refused,
                     tr("%1 now walks %2, but its batches ran on %3 with another key (a SET "
                        "before it in the file does not run again on a resume): resume it "
                        "by hand, then 'repair --mark-done'")
                         .arg(job.at, QString::fromUtf8(walk.relation), resume->relation),
                     {{QStringLiteral("table"), QString::fromUtf8(walk.relation)}});
    }
    BackfillPosition position;
    position.statement = job.index;
    position.relation = QString::fromUtf8(walk.relation);
    position.checksum = job.checksum;
    QStringList descending;
    for (const QString &column : walk.quotedKey)
        descending << column + QStringLiteral(" DESC");
    const PgResult last
        = readPinned("SELECT " + walk.quotedKey.join(u", ").toUtf8() + " FROM " + walk.relation
                         + " ORDER BY " + descending.join(u", ").toUtf8() + " LIMIT 1",
                     {});
    if (!last.ok())
        return Error(last.error());
    for (int c = 0; last.rows() > 0 && c < last.columns(); ++c)
        position.last << last.value(0, c);
    position.done = position.last.isEmpty(); // an empty table: nothing to walk
    return position;
}

Status BackfillRunner::countRows(const Walk &walk)
{
    const PgResult estimate = m_connection.exec(SqlResource::of("live", "batch_row_estimate"),
                                                {QString::fromUtf8(walk.relation)});
    if (!estimate.ok())
        return Error(estimate.error());
    m_progress.total = estimate.rows() ? estimate.value(0, 0).toLongLong() : -1;
    m_progress.estimated = m_progress.total >= 0;
    if (m_progress.estimated)
        return {};
    const PgResult count
        = readPinned("SELECT pg_catalog.count(*) FROM " + walk.relation, {}, QStringLiteral("0"));
    if (!count.ok())
        return Error(count.error());
    m_progress.total = count.value(0, 0).toLongLong();
    return {};
}

PgResult BackfillRunner::readPinned(const QByteArray &sql, const QVariantList &params,
                                    const QString &statementTimeout)
{
    std::vector<PgResult> results = m_connection.pipeline(
        {Transaction::beginCommand(TransactionOptions::readOnly()),
         SqlResource::of("live", "batch_read_pin"), sql, Transaction::commitCommand()},
        {{}, {statementTimeout.isEmpty() ? QVariant() : QVariant(statementTimeout)}, params, {}});
    for (PgResult &r : results)
        if (!r.ok()) {
            if (m_connection.isOpen())
                m_connection.exec(Transaction::rollbackCommand());
            return std::move(r);
        }
    return std::move(results[2]);
}

Result<BackfillRunner::Walk> BackfillRunner::readWalk(PgConnection &connection,
                                                      const BatchedStatement &statement,
                                                      const QString &at)
{
    const PgResult r
        = connection.exec(SqlResource::of("live", "batch_key"), {statement.quotedTable()});
    if (!r.ok())
        return Error(r.error());
    const QVariantMap table{{QStringLiteral("table"), statement.table()}};
    if (r.rows() == 0)
        return Error(ErrorCode::Refused,
                     tr("uaip:batch: %1 (%2) has no primary key to walk in batches; give it "
                        "one, or run the statement without uaip:batch")
                         .arg(statement.table(), at),
                     table);
    Walk walk;
    walk.relation = r.value(0, "relation").toUtf8();
    for (int i = 0; i < r.rows(); ++i) {
        walk.key << BatchedStatement::KeyColumn{r.value(i, "name"), r.value(i, "type")};
        walk.quotedKey << r.value(i, "quoted");
        if (statement.setColumns().contains(walk.key.last().name))
            return Error(ErrorCode::Refused,
                         tr("uaip:batch: %1 sets %2.%3, a column of the primary key the "
                            "batches walk by; rows would move ahead of the walk. Give the "
                            "rows their new keys without uaip:batch")
                             .arg(at, statement.table(), walk.key.last().name),
                         table);
    }
    return walk;
}

Result<std::optional<QStringList>> BackfillRunner::upperKey(const Walk &walk,
                                                            const BackfillPosition &position,
                                                            int rows, qint64 *keysLeft)
{
    // SELECT k1, ... FROM t WHERE [(k1, ...) > ($1::type, ...) AND] (k1, ...) <= (last)
    // ORDER BY k1, ... OFFSET rows - 1 LIMIT 2: the primary key's index gives it in key order;
    // two rows: only when a key of the walk follows this batch's last is it not the last batch
    const qsizetype k = walk.key.size();
    QStringList after;
    QStringList last;
    for (qsizetype i = 0; i < k; ++i) {
        after << QStringLiteral("$%1::%2").arg(i + 1).arg(walk.key[i].type);
        last << QStringLiteral("$%1::%2")
                    .arg((position.after.isEmpty() ? 0 : k) + i + 1)
                    .arg(walk.key[i].type);
    }
    const QString columns = u'(' + walk.quotedKey.join(QStringLiteral(", ")) + u')';
    QString range
        = QStringLiteral(" FROM ") + QString::fromUtf8(walk.relation) + QStringLiteral(" WHERE ");
    if (!position.after.isEmpty())
        range += columns + QStringLiteral(" > (") + after.join(QStringLiteral(", "))
            + QStringLiteral(") AND ");
    range += columns + QStringLiteral(" <= (") + last.join(QStringLiteral(", ")) + u')';
    const QString sql = QStringLiteral("SELECT ") + walk.quotedKey.join(QStringLiteral(", "))
        + range + QStringLiteral(" ORDER BY ") + walk.quotedKey.join(QStringLiteral(", "))
        + QStringLiteral(" OFFSET %1 LIMIT 2").arg(rows - 1);
    const PgResult r = readPinned(sql.toUtf8(), variants(position.after + position.last));
    if (!r.ok())
        return Error(r.error());
    if (r.rows() < 2) {
        // the last batch: the keys it walks, counted (never the table's first estimate), so
        // that walked is what the batches walked and never under what they changed
        *keysLeft = rows;
        if (r.rows() == 0) {
            const PgResult n = readPinned((QStringLiteral("SELECT count(*)") + range).toUtf8(),
                                          variants(position.after + position.last));
            if (!n.ok())
                return Error(n.error());
            *keysLeft = n.value(0, 0).toLongLong();
        }
        return std::optional<QStringList>();
    }
    QStringList key;
    for (int c = 0; c < r.columns(); ++c)
        key << r.value(0, c);
    return std::optional<QStringList>(key);
}

Status BackfillRunner::runBatch(const Job &job, const QByteArray &sql, const QStringList &params,
                                LedgerEntry &entry, Ledger &ledger, BackfillPosition &next)
{
    TransactionOptions readWrite; // committed by the ledger's write (Ledger::commitPipeline)
    readWrite.access = TransactionOptions::Access::ReadWrite;
    const PgResult begin = m_connection.exec(Transaction::beginCommand(readWrite));
    if (!begin.ok())
        return Error(begin.error());
    const PgResult batch = [&] {
        // who holds it up is seen while it waits (a row lock: the holder's transaction)
        const LockWaitWatch::Scope watching = m_lockRetry.waitWatch().watch(job.migration.id());
        return m_connection.exec(sql, variants(params));
    }();
    for (const QString &notice : m_connection.notices().take())
        m_notice(notice);
    if (!batch.ok()) {
        const Error error(batch.error());
        if (m_connection.isOpen())
            m_connection.exec(Transaction::rollbackCommand());
        return error;
    }
    BackfillPosition written = next;
    written.changed += batch.affectedRows();
    LedgerEntry withPosition = entry;
    withPosition.progressBatch = written.toJson();
    QList<QByteArray> statements;
    QList<QVariantList> values;
    ledger.appendIsolatedWrite(statements, values, withPosition,
                               QStringLiteral("%1ms").arg(qMax(job.attemptMs, 1000)));
    // the ledger's error in words (its code kept): not the statement's, so neither retried as
    // a lock timeout of the batch nor placed in the file by its position
    if (const Status committed = ledger.commitPipeline(statements, values); !committed)
        return Error(committed.error().code(),
                     tr("the batch's progress could not be written to the ledger, so the "
                        "batch was rolled back: %1")
                         .arg(committed.error().toString()),
                     committed.error().args());
    entry = withPosition;
    next = written;
    return {};
}

void BackfillRunner::report(const BackfillPosition &position, bool force)
{
    m_progress.walked = position.walked;
    m_progress.changed = position.changed;
    m_progress.batches = position.batches;
    m_progress.done = position.done;
    m_progress.elapsedMs = m_clock.elapsed();
    m_progress.walkedThisRun = position.walked - m_walkedBefore;
    if (m_onProgress)
        m_onProgress(m_progress);
    if (force || m_lastNoticeMs < 0 || m_progress.elapsedMs - m_lastNoticeMs >= kNoticeEveryMs) {
        m_lastNoticeMs = m_progress.elapsedMs;
        m_notice(m_progress.describe());
    }
}

Status BackfillRunner::pause(int ms)
{
    const PgResult r = m_connection.exec(SqlResource::of("live", "lock_retry_pause"), {ms});
    return r.ok() ? Status() : Status(Error(r.error()));
}

} // namespace uaip
