// MigrationScriptRunner's no-transaction path: a script run statement by statement, each
// committing on its own, with its progress in the ledger (the rest in migrationscriptrunner.cpp,
// the one-transaction run in migrationscriptrunnergroup.cpp).
#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "ledger.h"
#include "progresschecksum.h"
#include "scriptpipelinebuilder.h"

#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

namespace {

constexpr auto kRollback = "ROLLBACK";

} // namespace

bool MigrationScriptRunner::runNoTransaction(const Migration &m, Direction direction,
                                             std::optional<int> resumeAt, LedgerEntry &entry,
                                             Ledger &ledger, RunResult &result, int *durationMs,
                                             const QElapsedTimer &timer)
{
    const bool up = direction == Direction::Up;
    const MigrationDirectives &directives = up ? m.upDirectives : m.downDirectives;
    const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
    if (directives.lockTimeoutMs)
        m_connection.exec(
            SqlResource::of("migrate", "set_lock_timeout"),
            {QStringLiteral("%1ms").arg(ScriptPipelineBuilder::lockTimeoutOf(directives)), false});
    const bool ok
        = runStatementByStatement(m, direction, statements, resumeAt, entry, ledger, result);
    // also the run's lock_timeout again; what it cannot undo (a prepared statement made
    // through EXECUTE) fails the step here, not the next migration
    const DbStatus reset = resetSession(up ? m.upSql : m.downSql);
    *durationMs = int(timer.elapsed());
    if (ok) {
        entry.durationMs = *durationMs;
        const DbStatus written = !reset ? reset
            : up                        ? ledger.recordFinishedApply(entry)
                                        : ledger.recordRolledBack(entry);
        if (written)
            return true;
        // every statement ran: the row says so, and a resume runs none of them again
        result.outcome = RunResult::Outcome::Failed;
        result.failure.reset();
        result.message = tr("%1: all %n statement(s) ran and remain, but the ledger could not "
                            "record it as finished: %2",
                            nullptr, int(statements.size()))
                             .arg(m.id(), written.error().toString());
    }
    // The dirty row is this run's (its first write checked that): it says how far the run
    // got, and why it stopped; best effort, the run has failed already (its lock may be gone).
    result.partial = entry.dirty;
    if (entry.dirty) {
        entry.error = result.failure ? result.failure->describe() : result.message;
        entry.progressChecksum = ProgressChecksum::of(statements, entry.progressDone);
        ledger.record(entry);
    }
    recordFailureEvent(ledger, m, direction, result, *durationMs);
    return false;
}

bool MigrationScriptRunner::runStatementByStatement(const Migration &m, Direction direction,
                                                    const QList<SqlStatement> &statements,
                                                    std::optional<int> resumeAt, LedgerEntry &entry,
                                                    Ledger &ledger, RunResult &result)
{
    const int from = resumeAt.value_or(0);
    // Autocommit, one statement at a time. The ledger row is dirty until the last one went
    // through and records how far the run got: after a crash 'repair' can resume from there.
    const bool up = direction == Direction::Up;
    const QString file = up ? m.upPath() : m.downPath();
    const int n = int(statements.size());
    auto at = [&](int i) {
        return i < n ? QStringLiteral("%1:%2:%3")
                           .arg(file)
                           .arg(statements[i].start.line)
                           .arg(statements[i].start.column)
                     : QStringLiteral("end");
    };
    auto ran = [&](int done) {
        return done == 0 ? tr("none of its statements ran")
            : done == 1  ? tr("statement 1 ran and remains")
                         : tr("statements 1-%1 ran and remain").arg(done);
    };
    entry.progressAction = actionName(direction);
    entry.progressTotal = n;
    entry.progressDone = from;
    entry.progressAt = at(from);
    ProgressChecksum ranChecksum(statements);
    entry.progressChecksum = ranChecksum.upTo(from);
    // Under the lock, and only over the row this run found: none (an apply), applied (a
    // rollback) or dirty (a resume). A row another run wrote stops this one here.
    LedgerEntry start = entry;
    start.dirty = true;
    const QString found = resumeAt ? QStringLiteral("dirty")
        : up                       ? QString()
                                   : QStringLiteral("applied");
    if (const DbStatus recorded = ledger.recordStart(start, found); !recorded) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("cannot write the ledger: %1").arg(recorded.error().toString());
        return false;
    }
    entry.dirty = true; // the row is this run's now
    int transactionStart = -1; // the statement that opened the file's own transaction
    for (int i = from; i < n; ++i) {
        const SqlStatement &st = statements[i];
        if (m_cancelled.load()) {
            result.outcome = RunResult::Outcome::Failed;
            result.cancelled = true;
            result.failure = MigrationFailure{m.version.text(),           m.name, file, st.start,
                                              QString::fromUtf8(st.text), {}};
            result.failure->error.message = tr("cancelled by the user");
            result.message = tr("%1 was cancelled before statement %2 of %3 (%4); %5")
                                 .arg(m.id())
                                 .arg(i + 1)
                                 .arg(n)
                                 .arg(at(i), ran(entry.progressDone));
            if (transactionStart >= 0)
                endOwnTransaction(entry, transactionStart, at(transactionStart), result);
            return false;
        }
        PgResult r = st.copyData ? m_connection.copyIn(st.text, *st.copyData)
                                 : m_connection.execOne(st.text);
        for (const QString &notice : m_connection.takeNotices())
            m_notice(notice);
        if (!r.ok()) {
            fail(m, direction, st, r.error(), result);
            if (transactionStart >= 0)
                endOwnTransaction(entry, transactionStart, at(transactionStart), result);
            else
                entry.progressDone = i;
            entry.progressAt = at(entry.progressDone);
            result.message = tr("%1; %2 (statement %3 of %4 did not)")
                                 .arg(result.message, ran(entry.progressDone))
                                 .arg(entry.progressDone + 1)
                                 .arg(n);
            return false;
        }
        const PgConnection::TransactionState tx = m_connection.transactionState();
        if (tx == PgConnection::TransactionState::InTransaction) { // inside the file's own BEGIN:
                                                                   // progress commits with it
            if (transactionStart < 0)
                transactionStart = i;
            continue;
        }
        transactionStart = -1;
        entry.progressDone = i + 1;
        entry.progressAt = at(i + 1);
        entry.progressChecksum = ranChecksum.upTo(i + 1);
        const DbStatus recorded = i + 1 < n
            ? ledger.recordIsolated(entry, QStringLiteral("%1ms").arg(m_settings.lockTimeoutMs))
            : DbStatus();
        if (!recorded) {
            result.outcome = RunResult::Outcome::Failed;
            result.failure.reset();
            result.message = tr("%1: cannot record its progress in the ledger after "
                                "statement %2 of %3: %4")
                                 .arg(m.id())
                                 .arg(i + 1)
                                 .arg(n)
                                 .arg(recorded.error().toString());
            return false;
        }
    }
    if (transactionStart >= 0) {
        result.outcome = RunResult::Outcome::Failed;
        result.failure = MigrationFailure{m.version.text(),
                                          m.name,
                                          file,
                                          statements[transactionStart].start,
                                          QString::fromUtf8(statements[transactionStart].text),
                                          {}};
        result.failure->error.message
            = tr("the transaction opened here is still open at the end of the file");
        endOwnTransaction(entry, transactionStart, at(transactionStart), result);
        result.message
            = tr("%1 failed: %2; it was rolled back").arg(m.id(), result.failure->describe());
        return false;
    }
    return true;
}

void MigrationScriptRunner::endOwnTransaction(LedgerEntry &entry, int transactionStart,
                                              const QString &where, RunResult &result)
{
    // The file's own transaction failed or was cut short: roll it back first, so the error and
    // the failure event can still be written; the run then stands before its BEGIN.
    if (m_connection.isOpen())
        m_connection.exec(kRollback);
    entry.progressDone = transactionStart;
    entry.progressAt = where;
    result.message
        = tr("%1; its own transaction from %2 was rolled back").arg(result.message, where);
}

bool MigrationScriptRunner::hasCopyData(const QList<SqlStatement> &statements)
{
    return std::any_of(statements.cbegin(), statements.cend(),
                       [](const SqlStatement &st) { return bool(st.copyData); });
}

} // namespace uaip
