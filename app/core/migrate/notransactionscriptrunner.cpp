#include "notransactionscriptrunner.h"

#include "db/pgconnection.h"
#include "db/pgcopy.h"
#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "forecast/migrationlockforecast.h"
#include "ledger/ledger.h"
#include "lint/scriptstatementrules.h"
#include "live/backfillrunner.h"
#include "live/concurrentindexleftovers.h"
#include "live/lockretry.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

QString NoTransactionScriptRunner::Progress::at(int i) const
{
    return i < size() ? QStringLiteral("%1:%2:%3")
                            .arg(file)
                            .arg(statements[i].start.line)
                            .arg(statements[i].start.column)
                      : QStringLiteral("end");
}

QString NoTransactionScriptRunner::Progress::ranText(int done)
{
    return done == 0 ? tr("none of its statements ran")
        : done == 1  ? tr("statement 1 ran and remains")
                     : tr("statements 1-%1 ran and remain").arg(done);
}

NoTransactionScriptRunner::NoTransactionScriptRunner(
    PgConnection &connection, const ScriptRunSettings &settings, LockRetry &lockRetry,
    const std::atomic_bool &cancelled, std::function<void(const QString &)> notice,
    std::function<void(const BackfillProgress &)> onBackfill)
    : m_connection(connection)
    , m_settings(settings)
    , m_lockRetry(lockRetry)
    , m_cancelled(cancelled)
    , m_notice(std::move(notice))
    , m_onBackfill(std::move(onBackfill))
{ }

bool NoTransactionScriptRunner::run(const MigrationStep &step, ScriptDirection direction,
                                    std::optional<int> resumeAt, Ledger &ledger, RunResult &result,
                                    int *durationMs)
{
    QElapsedTimer timer;
    timer.start();
    const Migration &m = *step.migration;
    const bool up = direction == ScriptDirection::Up;
    const MigrationDirectives &directives = up ? m.upDirectives : m.downDirectives;
    const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
    LedgerEntry entry = ScriptPipelineBuilder::ledgerEntry(step);
    Progress p{m,     direction, statements, up ? m.upPath() : m.downPath(),
               entry, ledger,    result,     ProgressChecksum(statements)};
    if (!planBatches(p, resumeAt)) {
        *durationMs = int(timer.elapsed());
        return false;
    }
    if (directives.lockTimeoutMs)
        m_connection.exec(SqlResource::of("db", "set_lock_timeout"),
                          {QStringLiteral("%1ms").arg(attemptMs(p)), false});
    if (directives.statementTimeoutMs) // the session reset after the script sets it back
        m_connection.exec(SqlResource::of("migrate", "set_statement_timeout"),
                          {m_settings.statementTimeout(directives.statementTimeoutMs), false});
    const bool ok = runStatements(p, resumeAt);
    // also the run's lock_timeout again; what it cannot undo (a prepared statement made
    // through EXECUTE) fails the step here, not the next migration
    const Status reset = resetSession(up ? m.upSql : m.downSql);
    *durationMs = int(timer.elapsed());
    if (ok) {
        entry.durationMs = *durationMs;
        entry.eventDetail
            = ScriptPipelineBuilder::eventDetail(m, direction, m_lockRetry.detail(m.id()));
        const Status written = !reset ? reset
            : up                      ? ledger.recordFinishedApply(entry)
                                      : ledger.recordRolledBack(entry);
        if (written)
            return true;
        // every statement ran: the row says so, and a resume runs none of them again
        result.outcome = RunResult::Outcome::Failed;
        result.failure.reset();
        result.message = tr("%1: all %n statement(s) ran and remain, but the ledger could not "
                            "record it as finished: %2",
                            nullptr, p.size())
                             .arg(m.id(), written.error().toString());
    }
    recordFailure(p, *durationMs);
    return false;
}

void NoTransactionScriptRunner::recordFailure(Progress &p, int durationMs)
{
    // The dirty row is this run's (its first write checked that): it says how far the run
    // got, and why it stopped; best effort, the run has failed already (its lock may be gone).
    p.result.partial = p.entry.dirty;
    // the server went (a terminated backend, a restart): --json's connection_lost says so
    if (!m_connection.isOpen())
        p.result.connectionLost = true;
    if (p.entry.dirty) {
        p.entry.error = p.result.failure ? p.result.failure->describe() : p.result.message;
        p.entry.progressChecksum = ProgressChecksum::of(p.statements, p.entry.progressDone);
        p.ledger.record(p.entry);
    }
    ScriptFailureReport::recordEvent(
        p.ledger, m_connection, p.m, p.direction, p.result, durationMs,
        ScriptPipelineBuilder::eventDetail(p.m, p.direction, m_lockRetry.detail(p.m.id())));
}

bool NoTransactionScriptRunner::runStatements(Progress &p, std::optional<int> resumeAt)
{
    if (!startProgress(p, resumeAt))
        return false;
    for (int i = resumeAt.value_or(0); i < p.size(); ++i) {
        if (m_cancelled.load()) {
            cancelledBefore(p, i);
            return false;
        }
        const Error error
            = p.batched.value(i) ? runBackfill(p, i).error() : Error(runStatement(p, i).error());
        if (error.isSet()) {
            failedAt(p, i, error);
            if (p.budgetSpent)
                p.result.message += tr("; it was cancelled once it had waited its lock budget "
                                       "(%1 ms) for other transactions")
                                        .arg(budgetMs(p));
            if (!p.leftover.isEmpty())
                p.result.message += QStringLiteral("; ") + p.leftover;
            if (((error.server() && LockRetry::isLockTimeout(*error.server())) || p.budgetSpent)
                && !m_cancelled.load())
                m_lockRetry.gaveUp(p.m.id(), p.result, p.lockScope);
            return false;
        }
        if (m_connection.transactionState() == PgConnection::TransactionState::InTransaction) {
            // inside the file's own BEGIN: progress commits with it
            if (p.transactionStart < 0)
                p.transactionStart = i;
            continue;
        }
        p.transactionStart = -1;
        p.entry.progressBatch.clear();
        if (!recordProgress(p, i))
            return false;
    }
    if (p.transactionStart < 0)
        return true;
    const SqlStatement &begin = p.statements[p.transactionStart];
    p.result.outcome = RunResult::Outcome::Failed;
    p.result.failure = MigrationFailure{
        p.m.version.text(),
        p.m.name,
        p.file,
        begin.start,
        QString::fromUtf8(begin.text),
        Error(ErrorCode::BadInput,
              tr("the transaction opened here is still open at the end of the file"),
              placeOf(p, begin))};
    endOwnTransaction(p);
    p.result.message
        = tr("%1 failed: %2; it was rolled back").arg(p.m.id(), p.result.failure->describe());
    return false;
}

PgResult NoTransactionScriptRunner::runStatement(Progress &p, int i)
{
    const SqlStatement &st = p.statements[i];
    const QString alone = ScriptStatementRules::refusedInTransaction(st);
    // a CONCURRENTLY index command: its locks block neither reads nor writes, so it waits as
    // long as the budget; what it leaves when it fails all the same is cleaned up
    const bool concurrentIndex = ScriptStatementRules::concurrentIndexCommand(alone);
    const QString scope = p.m.id() + u':' + QString::number(i + 1); // each statement's budget
    const auto setLockTimeout = [&](int ms) {
        m_connection.exec(SqlResource::of("db", "set_lock_timeout"),
                          {QStringLiteral("%1ms").arg(ms), false});
    };
    LockForecast forecast;
    std::optional<QStringList> invalidBefore; // none: not known, so nothing is dropped
    if (concurrentIndex) {
        // the statement as split, with its tree: not split or parsed again
        SqlSplitResult one;
        one.statements = {st};
        const QList<StatementForecast> items = MigrationLockForecast::of(one);
        forecast = items.isEmpty() ? LockForecast() : items.first().forecast;
        if (const Result<QStringList> before
            = ConcurrentIndexLeftovers::invalid(m_connection, forecast))
            invalidBefore = before.value();
        // the watch cancels it once its waits add up to the budget; lock_timeout, a little
        // longer, bounds each wait when no second session could look
        setLockTimeout(budgetMs(p) + 2 * LockWaitWatch::kLookEveryMs);
    }
    for (;;) {
        // watched while it waits (who holds it up, progress); a concurrent index build is
        // cancelled once it waited its budget in all: lock_timeout bounds each wait only
        QElapsedTimer ran;
        ran.start();
        PgResult r = [&] {
            const LockWaitWatch::Scope watching
                = m_lockRetry.waitWatch().watch(p.m.id(), concurrentIndex ? budgetMs(p) : 0);
            return st.copyData ? PgCopy::in(m_connection, st.text, *st.copyData)
                               : m_connection.execOne(st.text);
        }();
        for (const QString &notice : m_connection.notices().take())
            m_notice(notice);
        const bool budgetSpent = !r.ok() && m_lockRetry.waitWatch().cancelledForBudget();
        if (budgetSpent)
            p.budgetSpent = true;
        if (!r.ok() && (LockRetry::isLockTimeout(r.error()) || budgetSpent)
            && m_connection.isOpen()) {
            // only a statement that ran alone in its own transaction left nothing behind
            const bool retryable = alone.isEmpty() && p.transactionStart < 0
                && m_connection.transactionState() == PgConnection::TransactionState::Idle;
            const bool again
                = retryable && m_lockRetry.again(p.m, p.direction, st, budgetMs(p), scope);
            if (!retryable)
                m_lockRetry.report(p.m, p.direction, st,
                                   concurrentIndex ? int(ran.elapsed()) : attemptMs(p), scope);
            p.result.lockAttempts << m_lockRetry.attempts().last();
            p.lockScope = scope;
            if (again)
                continue;
        }
        // the drop waits for the same transactions: one short attempt, else it is named
        if (concurrentIndex && m_connection.isOpen())
            setLockTimeout(attemptMs(p));
        if (concurrentIndex && !r.ok() && invalidBefore)
            p.leftover = ConcurrentIndexLeftovers::cleanUp(m_connection, forecast, *invalidBefore);
        return r;
    }
}

int NoTransactionScriptRunner::budgetMs(const Progress &p) const
{
    const bool up = p.direction == ScriptDirection::Up;
    return m_settings.budgetOf((up ? p.m.upDirectives : p.m.downDirectives).lockTimeoutMs);
}

int NoTransactionScriptRunner::attemptMs(const Progress &p) const
{
    const bool up = p.direction == ScriptDirection::Up;
    return m_settings.attemptOf((up ? p.m.upDirectives : p.m.downDirectives).lockTimeoutMs);
}

bool NoTransactionScriptRunner::startProgress(Progress &p, std::optional<int> resumeAt)
{
    const int from = resumeAt.value_or(0);
    p.entry.progressAction = ScriptFailureReport::actionName(p.direction);
    p.entry.progressTotal = p.size();
    p.entry.progressDone = from;
    p.entry.progressAt = p.at(from);
    p.entry.progressChecksum = p.ran.upTo(from);
    // Under the lock, and only over the row this run found: none (an apply), applied (a
    // rollback) or dirty (a resume). A row another run wrote stops this one here.
    LedgerEntry start = p.entry;
    start.dirty = true;
    const QString found = resumeAt           ? QStringLiteral("dirty")
        : p.direction == ScriptDirection::Up ? QString()
                                             : QStringLiteral("applied");
    if (const Status recorded = p.ledger.recordStart(start, found); !recorded) {
        p.result.outcome = RunResult::Outcome::Failed;
        p.result.message = tr("cannot write the ledger: %1").arg(recorded.error().toString());
        return false;
    }
    p.entry.dirty = true; // the row is this run's now
    return true;
}

bool NoTransactionScriptRunner::recordProgress(Progress &p, int i)
{
    p.entry.progressDone = i + 1;
    p.entry.progressAt = p.at(i + 1);
    p.entry.progressChecksum = p.ran.upTo(i + 1);
    const Status recorded = i + 1 < p.size()
        ? p.ledger.recordIsolated(p.entry, QStringLiteral("%1ms").arg(m_settings.lockTimeoutMs))
        : Status();
    if (recorded)
        return true;
    p.result.outcome = RunResult::Outcome::Failed;
    p.result.failure.reset();
    p.result.message = tr("%1: cannot record its progress in the ledger after "
                          "statement %2 of %3: %4")
                           .arg(p.m.id())
                           .arg(i + 1)
                           .arg(p.size())
                           .arg(recorded.error().toString());
    return false;
}

void NoTransactionScriptRunner::cancelledBefore(Progress &p, int i)
{
    const SqlStatement &st = p.statements[i];
    p.result.outcome = RunResult::Outcome::Failed;
    p.result.cancelled = true;
    p.result.failure = MigrationFailure{
        p.m.version.text(),
        p.m.name,
        p.file,
        st.start,
        QString::fromUtf8(st.text),
        Error(ErrorCode::Cancelled, tr("cancelled by the user"), placeOf(p, st))};
    p.result.message = tr("%1 was cancelled before statement %2 of %3 (%4); %5")
                           .arg(p.m.id())
                           .arg(i + 1)
                           .arg(p.size())
                           .arg(p.at(i), Progress::ranText(p.entry.progressDone));
    if (p.transactionStart >= 0)
        endOwnTransaction(p);
}

void NoTransactionScriptRunner::failedAt(Progress &p, int i, const Error &error)
{
    ScriptFailureReport::statementFailed(p.m, p.direction, p.statements[i], error, m_connection,
                                         m_cancelled.load(), p.result);
    if (p.transactionStart >= 0)
        endOwnTransaction(p);
    else
        p.entry.progressDone = i;
    p.entry.progressAt = p.at(p.entry.progressDone);
    p.result.message = tr("%1; %2 (statement %3 of %4 did not)")
                           .arg(p.result.message, Progress::ranText(p.entry.progressDone))
                           .arg(p.entry.progressDone + 1)
                           .arg(p.size());
    const std::optional<BackfillPosition> batches
        = BackfillPosition::fromJson(p.entry.progressBatch);
    if (batches && batches->statement == i && batches->batches > 0)
        p.result.message += tr("; %n of its batch(es) committed and remain (%1 rows changed): "
                               "'repair --resume %2' goes on after them",
                               nullptr, batches->batches)
                                .arg(batches->changed)
                                .arg(p.m.version.text());
}

void NoTransactionScriptRunner::endOwnTransaction(Progress &p)
{
    // The file's own transaction failed or was cut short: roll it back first, so the error and
    // the failure event can still be written; the run then stands before its BEGIN.
    const QString where = p.at(p.transactionStart);
    if (m_connection.isOpen())
        m_connection.exec(Transaction::rollbackCommand());
    p.entry.progressDone = p.transactionStart;
    p.entry.progressAt = where;
    p.result.message
        = tr("%1; its own transaction from %2 was rolled back").arg(p.result.message, where);
}

Status NoTransactionScriptRunner::resetSession(const QByteArray &script)
{
    if (!m_connection.isOpen())
        return {};
    PipelineCommands c;
    ScriptPipelineBuilder(m_settings, ScriptDirection::Up).appendSessionReset(c, script);
    const PipelineOutcome results = c.run(m_connection);
    if (results.firstFailure() >= 0)
        return Error(results.at(results.firstFailure()).error());
    return {};
}

bool NoTransactionScriptRunner::planBatches(Progress &p, std::optional<int> resumeAt)
{
    const bool up = p.direction == ScriptDirection::Up;
    const MigrationDirectives &directives = up ? p.m.upDirectives : p.m.downDirectives;
    if (!directives.batch)
        return true;
    const auto refuse = [&](int i, RunResult::Outcome outcome, const Error &why) {
        const SqlStatement &st = p.statements[i];
        p.result.outcome = outcome;
        p.result.failure = MigrationFailure{p.m.version.text(),         p.m.name, p.file, st.start,
                                            QString::fromUtf8(st.text), why};
        p.result.message = tr("%1 was not run: %2").arg(p.m.id(), p.result.failure->describe());
        return false;
    };
    const auto notBatched = [&](int i, ErrorCode code, const QString &why) {
        return refuse(i, RunResult::Outcome::BadInput,
                      Error(code,
                            tr("uaip:batch cannot run this statement in batches: %1").arg(why),
                            placeOf(p, p.statements[i])));
    };
    for (int i = 0; i < p.size(); ++i) {
        const auto batched = BatchedStatement::of(p.statements[i]);
        p.batched << (batched ? *batched : std::nullopt);
        if (!batched)
            return notBatched(i, batched.error().code(), batched.error().toString());
        if (!p.batched.last())
            continue;
        const Result<QString> aggregate = aggregatesCalled(*p.batched.last());
        if (!aggregate)
            return refuse(i, RunResult::Outcome::BadInput,
                          aggregate.error().in(tr("uaip:batch cannot look up the functions of "
                                                  "this statement")));
        if (!aggregate->isEmpty())
            return notBatched(i, ErrorCode::BadInput, *aggregate);
    }
    if (!resumeAt || !p.batched.value(*resumeAt))
        return true;
    // a resume of a batched statement goes on after the last batch that committed
    const Result<QList<LedgerEntry>> rows = p.ledger.entries();
    if (!rows)
        return refuse(*resumeAt, RunResult::Outcome::Failed,
                      rows.error().in(tr("cannot read the ledger")));
    QString saved;
    for (const LedgerEntry &row : rows.value())
        if (row.version == p.entry.version)
            saved = row.progressBatch;
    p.resumed = BackfillPosition::fromJson(saved);
    const SqlStatement &resumed = p.statements[*resumeAt];
    if (!saved.isEmpty() && (!p.resumed || p.resumed->statement != *resumeAt))
        return refuse(*resumeAt, RunResult::Outcome::Blocked,
                      Error(ErrorCode::Refused,
                            tr("the ledger's batch position for this statement cannot be read "
                               "(%1); finish it by hand and 'repair --mark-done'")
                                .arg(saved.left(200)),
                            placeOf(p, resumed)));
    if (p.resumed && p.resumed->checksum != p.ran.upTo(*resumeAt + 1))
        return refuse(*resumeAt, RunResult::Outcome::Blocked,
                      Error(ErrorCode::Refused,
                            tr("this statement changed since %n of its batch(es) ran; put it back "
                               "as it ran to resume",
                               nullptr, p.resumed->batches),
                            placeOf(p, resumed)));
    if (p.resumed)
        p.entry.progressBatch = p.resumed->toJson(); // kept by the resumed run's first write
    return true;
}

Result<QString> NoTransactionScriptRunner::aggregatesCalled(const BatchedStatement &statement)
{
    if (statement.selectFunctions().isEmpty())
        return QString();
    const PgResult r = m_connection.exec(
        SqlResource::of("migrate", "batch_aggregates"),
        {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(statement.selectFunctions()))
                               .toJson(QJsonDocument::Compact))});
    if (!r.ok())
        return Error(r.error());
    return r.isNull(0, 0) ? QString()
                          : tr("its SELECT calls the aggregate %1, which batches would fold apart")
                                .arg(r.value(0, 0));
}

QVariantMap NoTransactionScriptRunner::placeOf(const Progress &p, const SqlStatement &statement)
{
    return {{QStringLiteral("path"), p.file},
            {QStringLiteral("line"), statement.start.line},
            {QStringLiteral("column"), statement.start.column}};
}

Status NoTransactionScriptRunner::runBackfill(Progress &p, int i)
{
    if (m_connection.transactionState() != PgConnection::TransactionState::Idle)
        return Error(ErrorCode::Refused,
                     tr("a batched statement cannot run inside the file's own BEGIN ... COMMIT: "
                        "each batch commits on its own"),
                     placeOf(p, p.statements[i]));
    const bool up = p.direction == ScriptDirection::Up;
    const BackfillRunner::Job job{p.m,
                                  p.direction,
                                  p.statements[i],
                                  i,
                                  p.at(i),
                                  *(up ? p.m.upDirectives : p.m.downDirectives).batch,
                                  attemptMs(p),
                                  budgetMs(p),
                                  p.ran.upTo(i + 1)};
    BackfillRunner backfill(m_connection, m_lockRetry, m_cancelled, m_notice, m_onBackfill);
    std::optional<BackfillPosition> from;
    if (p.resumed && p.resumed->statement == i)
        from = p.resumed;
    const Status ran = backfill.run(job, *p.batched[i], p.entry, p.ledger, from,
                                    p.result.lockAttempts, &p.lockScope);
    if (backfill.progress().batches > 0 || !ran)
        p.result.backfills << backfill.progress();
    return ran;
}

} // namespace uaip
