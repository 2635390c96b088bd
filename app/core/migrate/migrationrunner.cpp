#include "migrationrunner.h"

#include "db/pgconnection.h"
#include "db/transactionguard.h"
#include "ledger.h"
#include "migrationlock.h"
#include "migrationplanner.h"
#include "migrationscriptrunner.h"
#include "planchecker.h"
#include "preparedledgerwrite.h"
#include "util/sqlresource.h"
#include "util/textsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

namespace uaip {

namespace {

QByteArray sql(const char *name)
{
    return SqlResource::get(QStringLiteral("migrate/sql/%1.sql").arg(QLatin1String(name)));
}

} // namespace

bool MigrationRunner::kept(const DbStatus &status, QString *error)
{
    if (!status)
        *error = status.error().toString();
    return status.ok();
}

QString MigrationRunner::actionName(bool up)
{
    return MigrationScriptRunner::actionName(up ? MigrationScriptRunner::Direction::Up
                                                : MigrationScriptRunner::Direction::Down);
}

MigrationRunner::LockTimeoutReset::~LockTimeoutReset()
{
    if (connection.isOpen())
        connection.exec(sql("reset_lock_timeout"));
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
    const DbResult<MigrationLock::Result> acquired
        = lock.acquire(m_options.lockWaitMs, &m_cancelled);
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
    if (m_options.lockTimeoutMs != qMax(1, m_options.lockWaitMs))
        m_connection.exec(sql("set_lock_timeout"),
                          {QStringLiteral("%1ms").arg(m_options.lockTimeoutMs), false});
    Ledger ledger(m_connection, m_options.client);
    // A database without a ledger gets one only when something is written (ensureLedger): a
    // refused plan leaves it as it was.
    const DbResult<bool> found = ledger.exists();
    m_ledgerMissing = found.ok() && !found.value();
    if (const DbStatus ensured = m_ledgerMissing ? DbStatus() : ledger.ensure(); !ensured) {
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
    return true;
}

RunResult MigrationRunner::up(const std::optional<MigrationVersion> &to)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
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
    if (refuseBadPlan(result, plan, true, m_options.singleTransaction) || !ensureLedger(result))
        return result;
    if (!runPlan(plan, true, result))
        return result;
    result.message = tr("applied %n migration(s)", nullptr, int(plan.size()));
    return result;
}

bool MigrationRunner::ensureLedger(RunResult &result)
{
    if (!m_ledgerMissing)
        return true;
    if (const DbStatus ensured = Ledger(m_connection, m_options.client).ensure(); !ensured) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = ensured.error().toString();
        return false;
    }
    m_ledgerMissing = false;
    return true;
}

bool MigrationRunner::runPlan(const QList<MigrationStatus> &plan, bool up, RunResult &result)
{
    // Consecutive transactional migrations go out together (MigrationScriptRunner::
    // runTransactional: one pipeline, none commits unless all before it did), in batches small
    // enough that the server's replies never fill the socket; no-transaction ones one by one.
    constexpr qsizetype kMaxCommands = 400;
    const auto direction
        = up ? MigrationScriptRunner::Direction::Up : MigrationScriptRunner::Direction::Down;
    const QString action = actionName(up);
    const int n = int(plan.size());
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
    PreparedLedgerWrite prepared(m_connection, plan, up, m_options.singleTransaction);
    script.setPreparedLedgerWrite(prepared.name());
    script.setPreparedChecks(prepared.lockCheckName(), prepared.restoreName());
    if (m_options.singleTransaction)
        return runGroup(plan, up, script, result);
    auto noTransaction = [&](int i) {
        const Migration &m = *plan[i].migration;
        return (up ? m.upDirectives : m.downDirectives).noTransaction;
    };
    for (int i = 0; i < n;) {
        const Migration &first = *plan[i].migration;
        emit stepStarted(i, n, first.id(), action);
        if (noTransaction(i)) {
            int ms = 0;
            const bool ok = script.run(first, ledgerVersion(i), direction, ledger, result, &ms);
            result.steps << RunStep{first.version.text(),           first.name, action, ms, ok,
                                    ok ? QString() : result.message};
            emit stepFinished(i, n, first.id(), action, ok, ms);
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
        for (int j = i; j < n && !noTransaction(j) && (batch.isEmpty() || commands < kMaxCommands);
             ++j) {
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
            emit stepFinished(i + k, n, batch[k].migration->id(), action, true, ms);
            if (k + 1 < batch.size())
                emit stepStarted(i + k + 1, n, batch[k + 1].migration->id(), action);
            reported = k + 1;
        };
        const int done
            = script.runTransactional(batch, direction, ledger, result, &durations, committed);
        for (int k = 0; k <= done && k < batch.size(); ++k) {
            const Migration &m = *batch[k].migration;
            const bool ok = k < done;
            const int ms = ok ? durations.value(k) : int(clock.elapsed() - lastAnswer);
            result.steps << RunStep{
                m.version.text(), m.name, action, ms, ok, ok ? QString() : result.message};
            if (k > reported)
                emit stepStarted(i + k, n, m.id(), action);
            if (k >= reported)
                emit stepFinished(i + k, n, m.id(), action, ok, ms);
        }
        if (done < batch.size())
            return false;
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
    LockTimeoutReset reset{m_connection};
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
    if (refuseBadPlan(result, *plan, false, m_options.singleTransaction))
        return result;
    if (!runPlan(*plan, false, result))
        return result;
    result.message = tr("rolled back %n migration(s)", nullptr, int(plan->size()));
    return result;
}

RunResult MigrationRunner::baseline(const MigrationVersion &version)
{
    RunResult result;
    MigrationLock lock(m_connection);
    QList<MigrationStatus> statuses;
    LockTimeoutReset reset{m_connection};
    if (!begin(result, lock, &statuses))
        return result;
    QList<MigrationStatus> plan;
    bool anyAtOrBelow = false;
    for (const MigrationStatus &s : statuses) {
        if (!s.migration || !s.parsedVersion || *s.parsedVersion > version)
            continue;
        anyAtOrBelow = true;
        if (s.state == MigrationState::Pending)
            plan << s;
    }
    if (!anyAtOrBelow) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("no migration has a version at or below %1").arg(version.text());
        return result;
    }
    if (!ensureLedger(result))
        return result;
    Ledger ledger(m_connection, m_options.client);
    QString error;
    TransactionGuard transaction(m_connection);
    if (DbStatus begun = transaction.begin(); !begun) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("baseline failed: %1").arg(begun.error().toString());
        return result;
    }
    for (const MigrationStatus &s : plan) {
        const Migration &m = *s.migration;
        LedgerEntry e;
        e.version = m.version.text();
        e.name = m.name;
        e.checksum = m.upChecksum;
        e.downChecksum = m.downChecksum;
        if (!kept(ledger.record(e), &error)
            || !kept(ledger.addEvent({0,
                                      m.version.text(),
                                      m.name,
                                      QStringLiteral("baseline"),
                                      QStringLiteral("ok"),
                                      {},
                                      {},
                                      {},
                                      0,
                                      m.upChecksum,
                                      {},
                                      {}}),
                     &error)) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message = tr("baseline failed, nothing recorded: %1").arg(error);
            return result;
        }
        result.steps << RunStep{m.version.text(), m.name, QStringLiteral("baseline"), 0, true, {}};
    }
    if (DbStatus committed = transaction.commit(); !committed) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("baseline failed: %1").arg(committed.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = tr("marked %n migration(s) up to %1 as applied without running them", nullptr,
                        int(plan.size()))
                         .arg(version.text());
    return result;
}

} // namespace uaip
