#include "migrationscriptrunner.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "ledger.h"
#include "migrationlock.h"

#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

bool MigrationScriptRunner::runGroup(const QList<Step> &steps, Direction direction, Ledger &ledger,
                                     RunResult &result, QList<int> *durationsMs, int *failedStep,
                                     const std::function<void(int)> &onStarted)
{
    // Two round trips for the whole run. The first pipeline: BEGIN, then every script and its
    // session reset, each step's answers asked for as soon as it ends (progress, durations).
    // After the first error the server skips the rest and the transaction is rolled back. The
    // second: one ledger write for all steps (their durations known by then) and the COMMIT.
    const bool up = direction == Direction::Up;
    m_planChanged = false;
    if (cancelledBefore(*steps.first().migration, result)) {
        *failedStep = 0;
        return false;
    }
    PipelineCommands c;
    c.add(m_transactionLockWaitMs > 0 ? MigrationLock::kTransactionBegin : "BEGIN");
    const LockPrologue prologue = appendTransactionLock(c, steps, direction, m_ledgerRows);
    QList<ScriptLayout> layouts;
    QList<qsizetype> lastCommand; // per step
    for (const Step &step : steps) {
        layouts << appendScript(*step.migration, direction, c, true);
        lastCommand << c.size() - 1;
    }
    QElapsedTimer timer;
    timer.start();
    QList<qint64> endedAt; // per step: when the answer to its last command arrived
    for (const qsizetype last : lastCommand)
        c.flushAfter(last);
    qint64 begunAt = 0;
    const auto onResult = [&](qsizetype i, const PgResult &r) {
        if (i == 0)
            begunAt = timer.elapsed();
        if (endedAt.size() < steps.size() && i == lastCommand[endedAt.size()] && r.ok()) {
            endedAt << timer.elapsed();
            if (onStarted && endedAt.size() < steps.size())
                onStarted(int(endedAt.size()));
        }
    };
    const PipelineOutcome results = c.run(m_connection, onResult);
    for (const QString &notice : m_connection.takeNotices())
        m_notice(notice);

    // The first command that failed: BEGIN, a statement of a script or its reset.
    int failed = -1;
    bool deallocated = false; // the runner's prepared session_restore.sql is gone
    if (const qsizetype i = results.firstFailure(); i >= 0) {
        if (prologueFailed(prologue, i, results.at(i), result)) {
            // the lock or the step check: nothing of the run ran, nothing to record
            if (m_connection.isOpen())
                m_connection.exec("ROLLBACK");
            describeLockTimeout(result);
            *failedStep = 0;
            return false;
        }
        const auto step = std::lower_bound(lastCommand.cbegin(), lastCommand.cend(), i);
        failed
            = step == lastCommand.cend() ? int(steps.size()) - 1 : int(step - lastCommand.cbegin());
        const Migration &m = *steps[failed].migration;
        const ScriptLayout &l = layouts[failed];
        const QList<SqlStatement> &statements = (up ? m.upSplit : m.downSplit).statements;
        deallocated = i >= l.firstReset && !m_preparedRestore.isEmpty()
            && results.at(i).error().sqlState == QLatin1String(kNoSuchStatement);
        if (i >= l.firstStatement && i < l.firstReset) {
            fail(m, direction, statements[i - l.firstStatement], results.at(i), result);
        } else if (i == l.constraints) { // its deferred checks, at its end
            result.outcome = RunResult::Outcome::Failed;
            result.failure
                = MigrationFailure{m.version.text(),   m.name,    up ? m.upPath() : m.downPath(),
                                   TextPosition{1, 1}, QString(), results.at(i).error()};
            result.message = tr("%1 failed at its end (a deferred constraint): %2")
                                 .arg(m.id(), result.failure->describe());
        } else {
            result.outcome = RunResult::Outcome::Failed;
            result.message = i == 0
                ? tr("%1: BEGIN failed: %2").arg(m.id(), results.at(i).error().toString())
                : tr("%1: setting up or resetting the session failed: %2")
                      .arg(m.id(), results.at(i).error().toString());
        }
    }
    if (failed < 0 && m_cancelled.load()) { // every script ran: the Cancel came too late
        failed = int(steps.size()) - 1;
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message
            = tr("cancelled after %1; nothing was committed").arg(steps[failed].migration->id());
    }

    if (deallocated && m_connection.isOpen()) { // all again, nothing prepared
        m_connection.exec("ROLLBACK");
        forgetPreparedStatements();
        result.outcome = RunResult::Outcome::Ok;
        result.cancelled = false;
        result.failure.reset();
        result.message.clear();
        durationsMs->clear();
        return runGroup(steps, direction, ledger, result, durationsMs, failedStep, onStarted);
    }
    bool committed = false;
    if (failed < 0) {
        QList<LedgerEntry> entries;
        qint64 from = begunAt;
        for (int k = 0; k < steps.size(); ++k) {
            LedgerEntry e = ledgerEntry(steps[k]);
            e.durationMs = int(endedAt.value(k, from) - from);
            from = endedAt.value(k, from);
            entries << e;
        }
        // a script without a reset: unless an event trigger ran user code in it after all
        const bool unreset = std::any_of(layouts.cbegin(), layouts.cend(),
                                         [](const ScriptLayout &l) { return l.harmless; });
        // search_path pinned to pg_catalog for the ledger's statements, set back after them
        // (deferred triggers fire at the COMMIT)
        const std::vector<PgResult> done = m_connection.pipeline(
            {Ledger::pinSearchPathSql(), Ledger::lockCheckSql(), Ledger::recordGroupSql(up),
             Ledger::unpinSearchPathSql(), QByteArray("COMMIT")},
            {QVariantList{},
             Ledger::lockCheckParams(unreset ? QString::fromLatin1(kEventTriggerFound) : QString()),
             ledger.recordGroupParams(entries, up), QVariantList{}, QVariantList{}});
        committed = done.size() == 5
            && std::all_of(done.cbegin(), done.cend(), [](const PgResult &r) { return r.ok(); })
            && done[4].commandTag() == "COMMIT";
        if (committed) {
            for (const LedgerEntry &e : entries)
                *durationsMs << e.durationMs;
            return true;
        }
        failed = int(steps.size()) - 1;
        result.outcome = RunResult::Outcome::Failed;
        if (!m_connection.isOpen()) {
            // the COMMIT may have reached the server: the ledger, read on a new session, knows
            if (settleLostConnection(steps, 0, direction, result, durationsMs) == steps.size())
                return true;
        } else if (done.size() == 5 && !done[1].ok()
                   && done[1].error().message == QLatin1String(kEventTriggerFound)) {
            // all again, every script with its reset, the lock checked
            m_connection.exec("ROLLBACK");
            m_skipNeedlessResets = false;
            result.outcome = RunResult::Outcome::Ok;
            durationsMs->clear();
            return runGroup(steps, direction, ledger, result, durationsMs, failedStep, onStarted);
        } else if (done.size() != 5 || !done[0].ok() || !done[1].ok() || !done[2].ok()
                   || !done[3].ok()) {
            const auto bad = std::find_if(done.cbegin(), done.cend(),
                                          [](const PgResult &r) { return !r.ok(); });
            result.message = tr("writing the ledger failed: %1")
                                 .arg(bad == done.cend() ? QString() : bad->error().toString());
        } else { // deferred constraints fire at the COMMIT
            result.failure = MigrationFailure{steps[failed].migration->version.text(),
                                              steps[failed].migration->name,
                                              up ? steps[failed].migration->upPath()
                                                 : steps[failed].migration->downPath(),
                                              TextPosition{1, 1},
                                              QString(),
                                              done[4].error()};
            result.message = done[4].ok()
                ? tr("the COMMIT failed: the server rolled the transaction back")
                : tr("the COMMIT failed (a deferred constraint of one of the migrations?): %1")
                      .arg(done[4].error().toString());
        }
    } else if (!m_connection.isOpen()) {
        // nothing was committed: the COMMIT was never sent
        result.message += u'\n' + tr("the connection was lost before the COMMIT was sent");
    }
    if (m_connection.isOpen())
        m_connection.exec("ROLLBACK");
    if (!result.outcomeUnknown) // (the server went away, and no ledger said what committed)
        result.message += u'\n'
            + (up ? tr("All %n migration(s) of this run were rolled back with it "
                       "(--single-transaction): none was applied.",
                       nullptr, int(steps.size()))
                  : tr("All %n migration(s) of this run were kept (--single-transaction): none was "
                       "rolled back.",
                       nullptr, int(steps.size())));
    recordFailureEvent(ledger, *steps[failed].migration, direction, result, int(timer.elapsed()));
    *failedStep = failed;
    return false;
}

} // namespace uaip
