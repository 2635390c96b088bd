#include "backfillrunner.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "ledger.h"
#include "ledgerentry.h"
#include "lockretry.h"
#include "sqlstatement.h"

namespace uaip {

namespace {

PgError errorOf(const QString &message, const QString &sqlState = QStringLiteral("55000"))
{
    PgError e;
    e.sqlState = sqlState;
    e.severity = QStringLiteral("ERROR");
    e.message = message;
    return e;
}

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

PgError BackfillRunner::run(const Job &job, const BatchedStatement &statement, LedgerEntry &entry,
                            Ledger &ledger, std::optional<BackfillPosition> resume,
                            QList<LockAttempt> &lockAttempts, QString *lockScope)
{
    PgError error;
    const std::optional<Walk> walk = readWalk(job, statement, &error);
    if (!walk)
        return error;
    BackfillPosition position
        = resume.value_or(BackfillPosition{job.index, {}, 0, 0, 0, false, job.checksum});
    m_progress = {job.migration.id(),
                  job.at,
                  statement.table(),
                  statement.kindName(),
                  position.walked,
                  0,
                  position.changed,
                  position.batches,
                  0,
                  0,
                  position.done};
    m_walkedBefore = position.walked;
    const PgResult count
        = m_connection.exec("SELECT pg_catalog.count(*) FROM " + walk->relation, QVariantList());
    if (!count.ok())
        return count.error();
    m_progress.total = count.value(0, 0).toLongLong();
    m_clock.start();
    while (!position.done) {
        if (m_cancelled.load())
            return errorOf(tr("cancelled by the user"), QStringLiteral("57014"));
        const std::optional<QStringList> upper = upperKey(*walk, position, job.batch.rows, &error);
        if (error.isSet())
            return error;
        const std::optional<QByteArray> sql = statement.rangeSql(
            walk->key, !position.after.isEmpty(), upper.has_value(), &error.message);
        if (!sql)
            return errorOf(tr("the batch of %1 cannot be written: %2").arg(job.at, error.message));
        BackfillPosition next = position;
        next.after = upper.value_or(QStringList());
        // the last batch walks what is left, as many as the table had when the run began
        next.walked = upper ? next.walked + job.batch.rows : qMax(next.walked, m_progress.total);
        next.batches += 1;
        next.done = !upper;
        const QString scope = QStringLiteral("%1:%2:batch %3")
                                  .arg(job.migration.id())
                                  .arg(job.index + 1)
                                  .arg(next.batches);
        qint64 changed = 0;
        for (;;) {
            error = runBatch(job, *sql, position.after + next.after, entry, ledger, next, &changed);
            if (!error.isSet() || !LockRetry::isLockTimeout(error) || !m_connection.isOpen())
                break;
            const bool again = m_lockRetry.again(job.migration, job.direction, job.statement,
                                                 job.budgetMs, scope);
            lockAttempts << m_lockRetry.attempts().last();
            *lockScope = scope;
            if (!again)
                return error;
        }
        if (error.isSet())
            return error;
        next.changed += changed;
        position = next;
        report(position, position.done);
        if (!position.done && job.batch.pauseMs > 0 && (error = pause(job.batch.pauseMs)).isSet())
            return error;
    }
    return {};
}

std::optional<BackfillRunner::Walk>
BackfillRunner::readWalk(const Job &job, const BatchedStatement &statement, PgError *error)
{
    const PgResult r
        = m_connection.exec(SqlResource::of("migrate", "batch_key"), {statement.table()});
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    if (r.rows() == 0) {
        *error = errorOf(tr("uaip:batch: %1 (%2) has no primary key to walk in batches; give it "
                            "one, or run the statement without uaip:batch")
                             .arg(statement.table(), job.at));
        return std::nullopt;
    }
    Walk walk;
    walk.relation = r.value(0, "relation").toUtf8();
    for (int i = 0; i < r.rows(); ++i) {
        walk.key << BatchedStatement::KeyColumn{r.value(i, "name"), r.value(i, "type")};
        walk.quotedKey << r.value(i, "quoted");
    }
    return walk;
}

std::optional<QStringList> BackfillRunner::upperKey(const Walk &walk,
                                                    const BackfillPosition &position, int rows,
                                                    PgError *error)
{
    // SELECT k1, ... FROM t [WHERE (k1, ...) > ($1::type, ...)] ORDER BY k1, ... OFFSET
    // rows - 1: the primary key's index gives it in key order; the values come as
    // their text, which this session reads back as they were
    QStringList bounds;
    for (qsizetype i = 0; i < walk.key.size(); ++i)
        bounds << QStringLiteral("$%1::%2").arg(i + 1).arg(walk.key[i].type);
    const QString columns = walk.quotedKey.join(QStringLiteral(", "));
    QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ")
        + QString::fromUtf8(walk.relation);
    if (!position.after.isEmpty())
        sql += QStringLiteral(" WHERE (") + columns + QStringLiteral(") > (")
            + bounds.join(QStringLiteral(", ")) + u')';
    // two rows: only when a key follows this batch's last is the batch bounded above
    sql += QStringLiteral(" ORDER BY ") + columns
        + QStringLiteral(" OFFSET %1 LIMIT 2").arg(rows - 1);
    const PgResult r = m_connection.exec(sql.toUtf8(), variants(position.after));
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    if (r.rows() < 2)
        return std::nullopt;
    QStringList key;
    for (int c = 0; c < r.columns(); ++c)
        key << r.value(0, c);
    return key;
}

PgError BackfillRunner::runBatch(const Job &job, const QByteArray &sql, const QStringList &params,
                                 LedgerEntry &entry, Ledger &ledger, BackfillPosition next,
                                 qint64 *changed)
{
    const PgResult begin = m_connection.exec("BEGIN READ WRITE");
    if (!begin.ok())
        return begin.error();
    const PgResult batch = m_connection.exec(sql, variants(params));
    for (const QString &notice : m_connection.takeNotices())
        m_notice(notice);
    if (!batch.ok()) {
        const PgError error = batch.error();
        if (m_connection.isOpen())
            m_connection.exec("ROLLBACK");
        return error;
    }
    *changed = batch.affectedRows();
    next.changed += *changed;
    LedgerEntry written = entry;
    written.progressBatch = next.toJson();
    QList<QByteArray> statements;
    QList<QVariantList> values;
    ledger.appendIsolatedWrite(statements, values, written,
                               QStringLiteral("%1ms").arg(qMax(job.attemptMs, 1000)));
    if (const DbStatus committed = ledger.commitPipeline(statements, values); !committed)
        return errorOf(tr("the batch's progress could not be written to the ledger, so the "
                          "batch was rolled back: %1")
                           .arg(committed.error().toString()));
    entry = written;
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

PgError BackfillRunner::pause(int ms)
{
    const PgResult r = m_connection.exec(SqlResource::of("migrate", "lock_retry_pause"), {ms});
    return r.ok() ? PgError() : r.error();
}

} // namespace uaip
