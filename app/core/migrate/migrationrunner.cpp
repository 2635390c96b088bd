#include "migrationrunner.h"
#include "ledger/runobserver.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/preparedledgerwrite.h"
#include "ledgeradoption.h"
#include "live/batchwalkgate.h"
#include "live/blockingworkgate.h"
#include "live/concurrentindexleftovers.h"
#include "live/contractgate.h"
#include "live/onlinebaselines.h"
#include "migrationcommandscope.h"
#include "migrationplanner.h"
#include "migrationrepair.h"
#include "migrationscriptrunner.h"
#include "planchecker.h"
#include "plangate.h"
#include "pooledupreplan.h"
#include "scriptfailurereport.h"
#include "scriptpipelinebuilder.h"
#include "stepwiseplanrun.h"
#include "util/textsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>

#include <algorithm>

namespace uaip {

QString MigrationRunner::actionName(bool up)
{
    return ScriptFailureReport::actionName(up ? MigrationScriptRunner::Direction::Up
                                              : MigrationScriptRunner::Direction::Down);
}

MigrationRunner::MigrationRunner(PgConnection &connection, const QList<Migration> &migrations,
                                 const Options &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_migrations(migrations)
    , m_options(options)
    , m_session(connection, m_migrations, m_options, m_cancelled)
{ }

MigrationRunner::~MigrationRunner() = default;

RunResult MigrationRunner::repair(const RepairChoice &choice)
{
    return MigrationRepair(m_connection, m_session, m_options, m_cancelled, progress())
        .repair(choice);
}

RunResult MigrationRunner::adopt(const QList<AdoptItem> &items)
{
    return LedgerAdoption(m_connection, m_session, m_options).adopt(items);
}

RunResult MigrationRunner::baseline(const MigrationVersion &version)
{
    return LedgerAdoption(m_connection, m_session, m_options).baseline(version);
}

RunProgress MigrationRunner::progress()
{
    return RunProgress{[this](int index, int total, const QString &id, const QString &action) {
                           emit stepStarted(index, total, id, action);
                       },
                       [this](int index, int total, const QString &id, const QString &action,
                              bool ok,
                              int ms) { emit stepFinished(index, total, id, action, ok, ms); },
                       [this](const QString &text) { emit message(text); }};
}

void MigrationRunner::cancel()
{
    m_cancelled = true;
    m_connection.cancel();
}

Result<QList<MigrationStatus>> MigrationRunner::status()
{
    Ledger ledger(m_connection, m_options.client);
    const Result<bool> exists = ledger.exists();
    if (!exists)
        return exists.error();
    QList<LedgerEntry> entries;
    if (exists.value()) {
        auto read = ledger.entries();
        if (!read)
            return read.error();
        entries = read.take();
    }
    return MigrationPlanner::status(m_migrations, entries, m_connection.serverVersion());
}

RunResult MigrationRunner::up(const std::optional<MigrationVersion> &to)
{
    RunResult result;
    m_forcedContracts.clear();
    MigrationCommandScope command(m_session, m_connection);
    if (!command.begin(result))
        return result;
    const QList<MigrationStatus> &statuses = command.statuses();
    const QStringList blockers = MigrationPlanner::blockers(statuses)
        + MigrationPlanner::upBlockers(statuses, m_options.allowOutOfOrder);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("nothing was applied: %n migration(s) need attention", nullptr,
                            int(blockers.size()));
        // with the invalid indexes their failed runs left (a CREATE INDEX CONCURRENTLY killed
        // part-way), named each time with the command that drops each
        result.problems = blockers + ConcurrentIndexLeftovers::ofFailedRuns(m_connection, statuses);
        return result;
    }
    const QList<MigrationStatus> plan = MigrationPlanner::planUp(statuses, to);
    if (PlanGate::refuseChangedPlan(result, plan, true, m_options.expectedVersions))
        return result;
    if (plan.isEmpty()) {
        result.message = tr("the database is up to date");
        return result;
    }
    if (PlanGate::refuseBadPlan(result, plan, true, m_options.singleTransaction)
        || PlanGate::refuseServerSyntax(result, m_connection, plan, true)
        || PlanGate::refuseNoTransactionBehindPooler(result, plan, true, m_session.topology(),
                                                     m_options.poolerFix)
        || BlockingWorkGate::refuse(result, m_connection, plan, true, m_options.maxBlockingRows)
        || BatchWalkGate::refuse(result, m_connection, plan, true)
        || ContractGate::refuse(
            result, m_connection, plan, m_options.forceContract,
            [this](const QString &line) { emit message(line); }, &m_forcedContracts)
        || !m_session.ensureLedger(result))
        return result;
    if (m_options.observer)
        m_options.observer->beforeUp(m_connection, plan,
                                     [this](const QString &line) { emit message(line); });
    // Behind a pooler another run may apply a step first (each transaction takes the lock):
    // the ledger is read again and the rest planned, until nothing is left.
    QList<MigrationStatus> rest = plan;
    int byOthers = 0;
    // on every way out after steps ran, under the migration lock (command ends after it)
    const auto baselines = qScopeGuard([&] { keepOnlineBaselines(result); });
    while (!runPlan(rest, true, result, int(result.steps.size()))) {
        if (!m_planChanged)
            return result;
        const qsizetype before = rest.size();
        m_planChanged = false;
        if (!PooledUpReplan(m_connection, m_migrations, m_options, m_session)
                 .replan(result, to, &rest))
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

bool MigrationRunner::runPlan(const QList<MigrationStatus> &plan, bool up, RunResult &result,
                              int done)
{
    m_planChanged = false;
    Ledger ledger(m_connection, m_options.client);
    MigrationScriptRunner script(m_connection, m_options.attemptMs(), m_options.lockTimeoutMs,
                                 m_cancelled, [this](const QString &text) { emit message(text); });
    script.setStatementTimeout(m_options.statementTimeoutMs);
    script.setOnLockAttempt([this](const LockAttempt &attempt) { emit lockWaiting(attempt); });
    script.setOnBackfill([this](const BackfillProgress &p) { emit backfillProgress(p); });
    // A migration of only DROP/COMMENT/GRANT/REVOKE runs no user code and cannot change the
    // session: no reset after it, no look for the lock; its ledger write fails instead when an
    // event trigger is enabled (which could have run some), and it runs again with both.
    script.setSkipNeedlessResets(true);
    // The statements sent for every migration are parsed and planned once for the run (prepared
    // statements of random names), unless a script in the plan could drop them (DEALLOCATE,
    // DISCARD, PREPARE).
    // Behind a pooler nothing is prepared (a prepared statement stays with one server session)
    // and every transaction takes the lock itself.
    PreparedLedgerWrite prepared(m_connection, m_session.pooled() ? QList<MigrationStatus>() : plan,
                                 up, m_options.singleTransaction);
    script.setPreparedLedgerWrite(prepared.name());
    script.setPreparedChecks(prepared.lockCheckName(), prepared.restoreName());
    script.setTransactionLock(m_session.pooled() ? qMax(1, m_options.lockWaitMs) : 0);
    script.setLedgerRows(m_session.ledgerRows());
    for (auto it = m_forcedContracts.cbegin(); it != m_forcedContracts.cend(); ++it)
        script.addEventDetail(it.key(), QStringLiteral("force_contract"), it.value());
    if (m_options.singleTransaction)
        return runGroup(plan, up, script, result);
    const RunProgress report = progress();
    StepwisePlanRun run(plan, up, done, script, ledger, result, report, m_session.ledgerRows());
    for (int i = 0; i < plan.size();) {
        if (run.noTransaction(i)) {
            if (!run.runAlone(i))
                return false;
            ++i;
            continue;
        }
        const QList<MigrationScriptRunner::Step> batch = run.nextBatch(i);
        const int ran = run.runBatch(i, batch);
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
        m_session.ledgerRows()
            = ScriptPipelineBuilder::rowsAfter(m_session.ledgerRows(), steps, direction);
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

void MigrationRunner::keepOnlineBaselines(const RunResult &result)
{
    for (const RunStep &step : result.steps) {
        if (!step.ok)
            continue;
        const auto m
            = std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                           [&](const Migration &x) { return x.version.text() == step.version; });
        if (m == m_migrations.cend() || !m->upDirectives.expand)
            continue;
        if (const Status kept
            = OnlineBaselines::keep(m_connection, ContractGate::baselineKey(m->version));
            !kept)
            emit message(tr("%1: the workload's counters were not kept as the baseline of this "
                            "expand, so its contract's gate will count every call: %2")
                             .arg(m->id(), kept.error().toString()));
    }
}

RunResult MigrationRunner::down(const DownTarget &target)
{
    RunResult result;
    MigrationCommandScope command(m_session, m_connection);
    if (!command.begin(result))
        return result;
    const QList<MigrationStatus> &statuses = command.statuses();
    const QStringList blockers = MigrationPlanner::blockers(statuses);
    if (!blockers.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("nothing was rolled back: %n migration(s) need attention", nullptr,
                            int(blockers.size()));
        // with the invalid indexes their failed runs left (a CREATE INDEX CONCURRENTLY killed
        // part-way), named each time with the command that drops each
        result.problems = blockers + ConcurrentIndexLeftovers::ofFailedRuns(m_connection, statuses);
        return result;
    }
    const auto plan = MigrationPlanner::planDown(statuses, target);
    if (!plan) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("nothing was rolled back: %1").arg(plan.error().toString());
        return result;
    }
    if (PlanGate::refuseChangedPlan(result, *plan, false, m_options.expectedVersions))
        return result;
    if (plan->isEmpty()) {
        result.message = tr("nothing to roll back");
        return result;
    }
    if (PlanGate::refuseBadPlan(result, *plan, false, m_options.singleTransaction)
        || PlanGate::refuseServerSyntax(result, m_connection, *plan, false)
        || PlanGate::refuseNoTransactionBehindPooler(result, *plan, false, m_session.topology(),
                                                     m_options.poolerFix)
        || BlockingWorkGate::refuse(result, m_connection, *plan, false, m_options.maxBlockingRows)
        || BatchWalkGate::refuse(result, m_connection, *plan, false))
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
