#include "migrationrunner.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transactionguard.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationplanner.h"
#include "migrationscriptrunner.h"
#include "planchecker.h"
#include "preparedledgerwrite.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"
#include "util/textsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

bool MigrationRunner::kept(const DbStatus &status, QString *error)
{
    if (!status)
        *error = status.error().toString();
    return status.ok();
}

QString MigrationRunner::actionName(bool up)
{
    return ScriptFailureReport::actionName(up ? MigrationScriptRunner::Direction::Up
                                              : MigrationScriptRunner::Direction::Down);
}

MigrationRunner::LockTimeoutReset::~LockTimeoutReset()
{
    if (connection.isOpen() && !topology.pooled())
        connection.exec(SqlResource::of("migrate", "reset_lock_timeout"));
}

bool MigrationRunner::refuseBadPlan(RunResult &result, const QList<MigrationStatus> &plan, bool up,
                                    bool oneTransaction)
{
    const QList<ValidationProblem> problems = PlanChecker::check(plan, up, oneTransaction);
    if (problems.isEmpty())
        return false;
    result.outcome = RunResult::Outcome::BadInput;
    const int n = int(problems.size());
    result.message = up
        ? QCoreApplication::translate("uaip::MigrationRunner",
                                      "nothing was applied: %n problem(s) in the plan", nullptr, n)
        : QCoreApplication::translate("uaip::MigrationRunner",
                                      "nothing was rolled back: %n problem(s) in the plan", nullptr,
                                      n);
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

MigrationRunner::MigrationRunner(PgConnection &connection, const QList<Migration> &migrations,
                                 const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_migrations(migrations)
    , m_options(options)
{ }

MigrationRunner::~MigrationRunner() = default;

bool MigrationRunner::refuseChangedPlan(RunResult &result, const QList<MigrationStatus> &plan,
                                        bool up) const
{
    if (!m_options.expectedVersions)
        return false;
    QStringList versions;
    for (const MigrationStatus &s : plan)
        versions << (s.migration ? s.migration->version.text() : s.version);
    if (versions == *m_options.expectedVersions)
        return false;
    auto listed = [](const QStringList &v) {
        return v.isEmpty() ? tr("(none)") : v.join(QStringLiteral(", "));
    };
    result.outcome = RunResult::Outcome::Blocked;
    result.message = (up ? tr("nothing was applied: the plan changed since it was confirmed "
                              "(another run changed the ledger); confirmed: %1; now: %2")
                         : tr("nothing was rolled back: the plan changed since it was confirmed "
                              "(another run changed the ledger); confirmed: %1; now: %2"))
                         .arg(listed(*m_options.expectedVersions), listed(versions));
    return true;
}

void MigrationRunner::cancel()
{
    m_cancelled = true;
    m_connection.cancel();
}

DbResult<QList<MigrationStatus>> MigrationRunner::status()
{
    Ledger ledger(m_connection, m_options.client);
    const DbResult<bool> exists = ledger.exists();
    if (!exists)
        return exists.error();
    QList<LedgerEntry> entries;
    if (exists.value()) {
        auto read = ledger.entries();
        if (!read)
            return read.error();
        entries = read.take();
    }
    return MigrationPlanner::status(m_migrations, entries);
}

bool MigrationRunner::begin(RunResult &result, MigrationLock &lock,
                            QList<MigrationStatus> *statuses)
{
    // Where this connection goes decides how the lock is held: behind a pooler the session is
    // not one server session, so the lock is taken by each transaction (MigrationLock::Scope).
    // A standby takes no writes: refused before anything else.
    const DbResult<ServerTopology> topology = ServerTopology::read(m_connection);
    if (!topology) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = topology.error().toString();
        return false;
    }
    m_topology = topology.value();
    if (const QString refusal = m_topology.writeRefusal(); !refusal.isEmpty()) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("nothing was changed: %1").arg(refusal);
        return false;
    }
    if (m_connection.keptReadOnly()) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("nothing was changed: this connection is read-only (a read-only "
                            "profile, or default_transaction_read_only asked for in its options)");
        return false;
    }
    const DbResult<MigrationLock::Result> acquired = lock.acquire(
        m_options.lockWaitMs, &m_cancelled,
        pooled() ? MigrationLock::Scope::Transaction : MigrationLock::Scope::Session);
    if (!acquired) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = acquired.error().toString();
        return false;
    }
    switch (acquired.value()) {
    case MigrationLock::Result::Acquired:
        break;
    case MigrationLock::Result::TimedOut:
        result.outcome = RunResult::Outcome::LockTimeout;
        result.message = lock.timedOutMessage();
        result.lockHolder = lock.holder();
        return false;
    case MigrationLock::Result::Cancelled:
        result.outcome = RunResult::Outcome::Failed;
        result.cancelled = true;
        result.message = tr("cancelled while waiting for the migration lock");
        return false;
    }
    // the ledger reads and writes under the lock wait at most lockTimeoutMs, like migrations
    // (behind a pooler each transaction sets its own)
    if (!pooled() && m_options.lockTimeoutMs != qMax(1, m_options.lockWaitMs))
        m_connection.exec(SqlResource::of("migrate", "set_lock_timeout"),
                          {QStringLiteral("%1ms").arg(m_options.lockTimeoutMs), false});
    Ledger ledger(m_connection, m_options.client);
    // A database without a ledger gets one only when something is written (ensureLedger): a
    // refused plan leaves it as it was.
    const DbResult<bool> found = ledger.exists();
    m_ledgerMissing = found.ok() && !found.value();
    const std::optional<int> lockEach
        = pooled() ? std::optional<int>(m_options.lockWaitMs) : std::nullopt;
    if (const DbStatus ensured = m_ledgerMissing ? DbStatus() : ledger.ensure(lockEach); !ensured) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = ensured.error().toString();
        return false;
    }
    QList<LedgerEntry> entries;
    if (!m_ledgerMissing) {
        auto read = ledger.entries();
        if (!read) {
            result.outcome = RunResult::Outcome::BadInput;
            result.message
                = tr("cannot read the migration ledger: %1").arg(read.error().toString());
            return false;
        }
        entries = read.take();
    }
    *statuses = MigrationPlanner::status(m_migrations, entries);
    m_ledgerRows.clear();
    for (const LedgerEntry &e : entries)
        m_ledgerRows << e.version;
    return true;
}

RunResult MigrationRunner::up(const std::optional<MigrationVersion> &to)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection, m_topology};
    if (!begin(result, lock, &statuses))
        return result;
    const QStringList blockers = MigrationPlanner::blockers(statuses)
        + MigrationPlanner::upBlockers(statuses, m_options.allowOutOfOrder);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("nothing was applied: %n migration(s) need attention", nullptr,
                            int(blockers.size()));
        result.problems = blockers;
        return result;
    }
    const QList<MigrationStatus> plan = MigrationPlanner::planUp(statuses, to);
    if (refuseChangedPlan(result, plan, true))
        return result;
    if (plan.isEmpty()) {
        result.message = tr("the database is up to date");
        return result;
    }
    if (refuseBadPlan(result, plan, true, m_options.singleTransaction)
        || refuseNoTransactionBehindPooler(result, plan, true) || !ensureLedger(result))
        return result;
    // Behind a pooler another run may apply a step first (each transaction takes the lock):
    // the ledger is read again and the rest planned, until nothing is left.
    QList<MigrationStatus> rest = plan;
    int byOthers = 0;
    while (!runPlan(rest, true, result, int(result.steps.size()))) {
        if (!m_planChanged)
            return result;
        const qsizetype before = rest.size();
        if (!replanUp(result, to, &rest))
            return result;
        byOthers += int(before - rest.size());
        if (rest.isEmpty())
            break;
    }
    const int applied = int(result.steps.size());
    result.message = byOthers == 0 ? tr("applied %n migration(s)", nullptr, applied)
        : applied == 0
        ? tr("the database is up to date: another run applied %n migration(s) meanwhile", nullptr,
             byOthers)
        : tr("applied %n migration(s)", nullptr, applied) + u'\n'
            + tr("another run applied %n migration(s) of the plan meanwhile", nullptr, byOthers);
    return result;
}

bool MigrationRunner::ensureLedger(RunResult &result)
{
    if (!m_ledgerMissing)
        return true;
    const std::optional<int> lockEach
        = pooled() ? std::optional<int>(m_options.lockWaitMs) : std::nullopt;
    if (const DbStatus ensured = Ledger(m_connection, m_options.client).ensure(lockEach);
        !ensured) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = ensured.error().toString();
        return false;
    }
    m_ledgerMissing = false;
    return true;
}

bool MigrationRunner::runPlan(const QList<MigrationStatus> &plan, bool up, RunResult &result,
                              int done)
{
    // Consecutive transactional migrations go out together (MigrationScriptRunner::
    // runTransactional: one pipeline, none commits unless all before it did), in batches small
    // enough that the server's replies never fill the socket; no-transaction ones one by one.
    constexpr qsizetype kMaxCommands = 400;
    const auto direction
        = up ? MigrationScriptRunner::Direction::Up : MigrationScriptRunner::Direction::Down;
    const QString action = actionName(up);
    const int n = done + int(plan.size());
    m_planChanged = false;
    Ledger ledger(m_connection, m_options.client);
    MigrationScriptRunner script(m_connection, m_options.lockTimeoutMs, m_cancelled,
                                 [this](const QString &text) { emit message(text); });
    // A migration of only DROP/COMMENT/GRANT/REVOKE runs no user code and cannot change the
    // session: no reset after it, no look for the lock; its ledger write fails instead when an
    // event trigger is enabled (which could have run some), and it runs again with both.
    script.setSkipNeedlessResets(true);
    auto ledgerVersion = [&](int i) { return plan[i].entry ? plan[i].entry->version : QString(); };
    // The statements sent for every migration are parsed and planned once for the run (prepared
    // statements of random names), unless a script in the plan could drop them (DEALLOCATE,
    // DISCARD, PREPARE).
    // Behind a pooler nothing is prepared (a prepared statement stays with one server session)
    // and every transaction takes the lock itself.
    PreparedLedgerWrite prepared(m_connection, pooled() ? QList<MigrationStatus>() : plan, up,
                                 m_options.singleTransaction);
    script.setPreparedLedgerWrite(prepared.name());
    script.setPreparedChecks(prepared.lockCheckName(), prepared.restoreName());
    script.setTransactionLock(pooled() ? qMax(1, m_options.lockWaitMs) : 0);
    script.setLedgerRows(m_ledgerRows);
    if (m_options.singleTransaction)
        return runGroup(plan, up, script, result);
    auto noTransaction = [&](int i) {
        const Migration &m = *plan[i].migration;
        return (up ? m.upDirectives : m.downDirectives).noTransaction;
    };
    const int count = int(plan.size());
    for (int i = 0; i < count;) {
        const Migration &first = *plan[i].migration;
        emit stepStarted(done + i, n, first.id(), action);
        if (noTransaction(i)) {
            int ms = 0;
            const bool ok = script.run(first, ledgerVersion(i), direction, ledger, result, &ms);
            if (ok)
                m_ledgerRows = ScriptPipelineBuilder::rowsAfter(
                    m_ledgerRows, {{&first, ledgerVersion(i)}}, direction);
            result.steps << RunStep{first.version.text(),           first.name, action, ms, ok,
                                    ok ? QString() : result.message};
            emit stepFinished(done + i, n, first.id(), action, ok, ms);
            if (!ok)
                return false;
            ++i;
            continue;
        }
        QList<MigrationScriptRunner::Step> batch;
        qsizetype commands = 0;
        auto copies = [&](int j) {
            const Migration &m = *plan[j].migration;
            return MigrationScriptRunner::hasCopyData((up ? m.upSplit : m.downSplit).statements);
        };
        for (int j = i;
             j < count && !noTransaction(j) && (batch.isEmpty() || commands < kMaxCommands); ++j) {
            if (!batch.isEmpty() && (copies(j) || copies(i)))
                break; // a migration with COPY data goes alone (no COPY in a pipeline)
            const Migration &m = *plan[j].migration;
            commands += (up ? m.upSplit : m.downSplit).statements.size() + 8;
            batch << MigrationScriptRunner::Step{&m, ledgerVersion(j)};
        }
        QList<int> durations;
        // each commit reported as its answer arrives, and the next step as started
        int reported = 0;
        QElapsedTimer clock; // a failed step ran from the last COMMIT answer to the end
        clock.start();
        qint64 lastAnswer = 0;
        const auto committed = [&](int k, int ms) {
            lastAnswer = clock.elapsed();
            emit stepFinished(done + i + k, n, batch[k].migration->id(), action, true, ms);
            if (k + 1 < batch.size())
                emit stepStarted(done + i + k + 1, n, batch[k + 1].migration->id(), action);
            reported = k + 1;
        };
        script.setLedgerRows(m_ledgerRows);
        const int ran
            = script.runTransactional(batch, direction, ledger, result, &durations, committed);
        m_ledgerRows = ScriptPipelineBuilder::rowsAfter(
            m_ledgerRows, batch.first(qMin<qsizetype>(ran, batch.size())), direction);
        // behind a pooler: another run did step 'ran' first; it is not this run's
        const int recorded = script.planChanged() ? ran - 1 : ran;
        for (int k = 0; k <= recorded && k < batch.size(); ++k) {
            const Migration &m = *batch[k].migration;
            const bool ok = k < ran;
            const int ms = ok ? durations.value(k) : int(clock.elapsed() - lastAnswer);
            result.steps << RunStep{
                m.version.text(), m.name, action, ms, ok, ok ? QString() : result.message};
            if (k > reported)
                emit stepStarted(done + i + k, n, m.id(), action);
            if (k >= reported)
                emit stepFinished(done + i + k, n, m.id(), action, ok, ms);
        }
        if (ran < batch.size()) {
            m_planChanged = script.planChanged();
            if (m_planChanged)
                emit message(tr("%1: another run did it meanwhile; the ledger is read again")
                                 .arg(batch[ran].migration->id()));
            return false;
        }
        i += int(batch.size());
    }
    return true;
}

bool MigrationRunner::runGroup(const QList<MigrationStatus> &plan, bool up,
                               MigrationScriptRunner &script, RunResult &result)
{
    // Options::singleTransaction: the plan check refused no-transaction scripts already
    const auto direction
        = up ? MigrationScriptRunner::Direction::Up : MigrationScriptRunner::Direction::Down;
    const QString action = actionName(up);
    const int n = int(plan.size());
    QList<MigrationScriptRunner::Step> steps;
    for (const MigrationStatus &s : plan)
        steps << MigrationScriptRunner::Step{&*s.migration, s.entry ? s.entry->version : QString()};
    emit message(
        tr("%n migration(s) in one transaction: none is committed unless all succeed", nullptr, n));
    emit stepStarted(0, n, steps.first().migration->id(), action);
    int started = 1;
    QElapsedTimer clock; // a failed step ran from its start to the end
    clock.start();
    qint64 lastStart = 0;
    QList<int> durations;
    int failed = -1;
    Ledger ledger(m_connection, m_options.client);
    const bool ok
        = script.runGroup(steps, direction, ledger, result, &durations, &failed, [&](int k) {
              if (k < started) // the run again after an event trigger was found
                  return;
              lastStart = clock.elapsed();
              emit stepStarted(k, n, steps[k].migration->id(), action);
              started = k + 1;
          });
    if (ok)
        m_ledgerRows = ScriptPipelineBuilder::rowsAfter(m_ledgerRows, steps, direction);
    if (!ok && script.planChanged()) { // behind a pooler: another run did a step first
        m_planChanged = true;
        emit message(tr("another run changed the ledger meanwhile; nothing of this run was "
                        "committed; the ledger is read again"));
        return false;
    }
    const int reported = ok ? n : qMax(started, failed + 1);
    for (int k = 0; k < reported; ++k) {
        const Migration &m = *steps[k].migration;
        if (k >= started)
            emit stepStarted(k, n, m.id(), action);
        const int ms = ok ? durations.value(k)
            : k == failed ? int(clock.elapsed() - (k + 1 == started ? lastStart : 0))
                          : 0;
        const QString why = ok ? QString()
            : k == failed      ? result.message
                               : tr("not committed: the run's transaction was rolled back");
        result.steps << RunStep{m.version.text(), m.name, action, ms, ok, why};
        emit stepFinished(k, n, m.id(), action, ok, ms);
    }
    return ok;
}

RunResult MigrationRunner::down(const DownTarget &target)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection, m_topology};
    if (!begin(result, lock, &statuses))
        return result;
    const QStringList blockers = MigrationPlanner::blockers(statuses);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("nothing was rolled back: %n migration(s) need attention", nullptr,
                            int(blockers.size()));
        result.problems = blockers;
        return result;
    }
    QString error;
    const auto plan = MigrationPlanner::planDown(statuses, target, &error);
    if (!plan) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("nothing was rolled back: %1").arg(error);
        return result;
    }
    if (refuseChangedPlan(result, *plan, false))
        return result;
    if (plan->isEmpty()) {
        result.message = tr("nothing to roll back");
        return result;
    }
    if (refuseBadPlan(result, *plan, false, m_options.singleTransaction)
        || refuseNoTransactionBehindPooler(result, *plan, false))
        return result;
    if (!runPlan(*plan, false, result)) {
        if (m_planChanged) { // behind a pooler: another run rolled back or applied one first
            result.outcome = RunResult::Outcome::Blocked;
            result.message = tr("stopped after %n rollback(s): another run changed the ledger "
                                "meanwhile; run 'status' and decide again",
                                nullptr, int(result.steps.size()));
        }
        return result;
    }
    result.message = tr("rolled back %n migration(s)", nullptr, int(plan->size()));
    return result;
}

} // namespace uaip
