#include "migrationrepair.h"

#include "migrationrunsession.h"

#include "db/pgconnection.h"
#include "db/transaction.h"
#include "ledger/ledger.h"
#include "ledger/progresschecksum.h"
#include "live/concurrentindexleftovers.h"
#include "migrationcommandscope.h"
#include "migrationplanner.h"
#include "migrationscriptrunner.h"
#include "plangate.h"
#include "scriptfailurereport.h"

#include <QCoreApplication>

#include <algorithm>

namespace uaip {

namespace {

// The ledger event of a repair of s: what it did (in the event's error field, where the
// ledger's readers show it), with the checksum the row holds after it.
LedgerEvent repairEvent(const MigrationStatus &s, const QString &checksum, const QString &what)
{
    LedgerEvent e;
    e.version = s.entry->version;
    e.name = s.name;
    e.action = QStringLiteral("repair");
    e.outcome = QStringLiteral("ok");
    e.checksum = checksum;
    e.error = what;
    return e;
}

} // namespace

MigrationRepair::MigrationRepair(PgConnection &connection, MigrationRunSession &session,
                                 const MigrationRunOptions &options, std::atomic_bool &cancelled,
                                 RunProgress progress)
    : m_connection(connection)
    , m_session(session)
    , m_options(options)
    , m_cancelled(cancelled)
    , m_progress(std::move(progress))
{ }

namespace {

QString choices(const MigrationStatus &s)
{
    // %2 is the ledger's action key (apply, rollback); the options are command-line syntax
    const QString action = s.entry->progressAction.isEmpty()
        ? ScriptFailureReport::actionName(MigrationScriptRunner::Direction::Up)
        : s.entry->progressAction;
    if (s.entry->progressAction
        == ScriptFailureReport::actionName(MigrationScriptRunner::Direction::Down))
        return MigrationRepair::tr("%1: %2 failed part-way (%3); decide: repair "
                                   "--mark-done %4 (finished by hand), --resume %4 (run "
                                   "the rest), --forget %4 (it stays applied)")
            .arg(s.id(), action, s.note(), s.version);
    return MigrationRepair::tr("%1: %2 failed part-way (%3); decide: repair --mark-done "
                               "%4 (finished by hand), --resume %4 (run the rest), "
                               "--forget %4 (it is pending again; undo what ran first)")
        .arg(s.id(), action, s.note(), s.version);
}

} // namespace

RunResult MigrationRepair::repair(const RepairChoice &choice)
{
    RunResult result;
    MigrationCommandScope command(m_session, m_connection);
    if (!command.begin(result))
        return result;
    const QList<MigrationStatus> &statuses = command.statuses();
    if (choice.kind != RepairChoice::Kind::Checksums)
        return decide(choice, statuses);
    Ledger ledger(m_connection, m_options.client);
    Transaction transaction(m_connection);
    if (!m_session.beginWrites(result, transaction, statuses, tr("repair failed: %1")))
        return result;
    QStringList undecided;
    for (const MigrationStatus &s : statuses) {
        if (s.state == MigrationState::Failed)
            undecided << choices(s);
        if (s.state != MigrationState::Modified)
            continue;
        const QString what = tr("re-recorded checksums (was %1)").arg(s.entry->checksum.left(12));
        Status written = ledger.updateChecksums(s.entry->version, s.migration->upChecksum,
                                                s.migration->downChecksum);
        if (written)
            written = ledger.addEvent(repairEvent(s, s.migration->upChecksum, what));
        if (!written) {
            transaction.rollback();
            result.outcome = RunResult::Outcome::Failed;
            result.message
                = tr("repair failed, nothing changed: %1").arg(written.error().toString());
            result.steps.clear();
            return result;
        }
        result.steps << RunStep{s.version, s.name, QStringLiteral("repair"), 0, true, what};
    }
    if (Status committed = transaction.commit(); !committed) {
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("repair failed: %1").arg(committed.error().toString());
        result.steps.clear();
        return result;
    }
    result.message = result.steps.isEmpty()
        ? tr("nothing to repair")
        : tr("repaired %n ledger row(s)", nullptr, int(result.steps.size()));
    if (!undecided.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("%1; %n failed run(s) need a decision", nullptr, int(undecided.size()))
                             .arg(result.message);
        result.problems = undecided;
    }
    return result;
}

RunResult MigrationRepair::forgetMissing(const MigrationStatus &s,
                                         const QList<MigrationStatus> &seen)
{
    // The ledger lets go of an applied migration whose folder is gone; nothing runs.
    return recordDecision(s, std::nullopt, s.entry->checksum,
                          tr("forgot the applied migration whose folder is gone"), seen);
}

RunResult MigrationRepair::recordDecision(const MigrationStatus &s,
                                          const std::optional<LedgerEntry> &row,
                                          const QString &checksum, const QString &what,
                                          const QList<MigrationStatus> &seen)
{
    RunResult result;
    Ledger ledger(m_connection, m_options.client);
    Transaction transaction(m_connection);
    if (!m_session.beginWrites(result, transaction, seen, tr("repair failed, nothing changed: %1")))
        return result;
    Status written = row ? ledger.record(*row) : ledger.remove(s.entry->version);
    if (written)
        written = ledger.addEvent(repairEvent(s, checksum, what));
    const Status committed = written ? transaction.commit() : Status();
    if (!written || !committed) {
        transaction.rollback();
        result.outcome = RunResult::Outcome::Failed;
        result.message = tr("repair failed, nothing changed: %1")
                             .arg((written ? committed : written).error().toString());
        return result;
    }
    result.steps << RunStep{s.version, s.name, QStringLiteral("repair"), 0, true, what};
    result.message = QStringLiteral("%1: %2").arg(s.id(), what);
    return result;
}

RunResult MigrationRepair::decide(const RepairChoice &choice,
                                  const QList<MigrationStatus> &statuses)
{
    RunResult result;
    const auto it = std::find_if(statuses.cbegin(), statuses.cend(), [&](const auto &s) {
        return s.parsedVersion && choice.version && *s.parsedVersion == *choice.version;
    });
    if (it != statuses.cend() && it->state == MigrationState::Missing
        && choice.kind == RepairChoice::Kind::Forget)
        return forgetMissing(*it, statuses);
    if (it == statuses.cend() || it->state != MigrationState::Failed) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = tr("nothing changed: %1 is not a failed run (see 'status')")
                             .arg(choice.version ? choice.version->text() : QString());
        return result;
    }
    const MigrationStatus &s = *it;
    const bool rollback
        = s.entry->progressAction == ScriptFailureReport::actionName(ScriptDirection::Down);
    if (choice.kind == RepairChoice::Kind::Resume)
        return resume(s, rollback);
    const bool markDone = choice.kind == RepairChoice::Kind::MarkDone;
    if (markDone && refuseInvalidIndexes(result, s, rollback))
        return result;
    // mark-done of a rollback, forget of an apply: the row goes; otherwise it is applied again
    const bool removeRow = markDone == rollback;
    QString what;
    if (markDone)
        what = rollback ? tr("marked done the failed rollback (%1): not applied")
                        : tr("marked done the failed apply (%1): applied");
    else
        what = rollback ? tr("forgot the failed rollback (%1): applied")
                        : tr("forgot the failed apply (%1): not applied");
    what = what.arg(s.note());
    LedgerEntry e = *s.entry;
    e.dirty = false;
    e.error.clear();
    e.progressAction.clear();
    e.progressDone = e.progressTotal = 0;
    e.progressAt.clear();
    if (markDone && s.migration) { // the files as they are now are what was done by hand
        e.checksum = s.migration->upChecksum;
        e.downChecksum = s.migration->downChecksum;
    }
    return recordDecision(s, removeRow ? std::nullopt : std::optional<LedgerEntry>(e), e.checksum,
                          what, statuses);
}

bool MigrationRepair::refuseInvalidIndexes(RunResult &result, const MigrationStatus &s,
                                           bool rollback)
{
    // "finished by hand" is not true while an index its statements create is invalid: the ledger
    // would say done, and the index would be left unusable, with nothing to say so
    if (!s.migration)
        return false;
    const Result<QList<ConcurrentIndexLeftovers::Left>> left = ConcurrentIndexLeftovers::builtBy(
        m_connection, rollback ? s.migration->downSplit : s.migration->upSplit);
    if (!left) {
        result.outcome = RunResult::Outcome::Failed;
        result.cause = left.error();
        result.message = tr("nothing changed: whether %1 left an invalid index could not be "
                            "read: %2")
                             .arg(s.id(), left.error().toString());
        return true;
    }
    if (left->isEmpty())
        return false;
    result.outcome = RunResult::Outcome::Blocked;
    result.message = tr("nothing changed: %1 is not done while an index it creates is invalid; "
                        "drop it (DROP INDEX CONCURRENTLY) and build it again by hand before "
                        "'repair --mark-done %2', or run the rest with 'repair --resume %2'")
                         .arg(s.id(), s.version);
    for (const ConcurrentIndexLeftovers::Left &l : left.value())
        result.problems << QStringLiteral("%1: %2").arg(s.id(),
                                                        ConcurrentIndexLeftovers::describe(l));
    return true;
}

RunResult MigrationRepair::resume(const MigrationStatus &s, bool rollback)
{
    RunResult result;
    Ledger ledger(m_connection, m_options.client);
    if (!s.migration || s.entry->progressTotal <= 0) {
        result.outcome = RunResult::Outcome::BadInput;
        result.message = s.migration
            ? tr("%1 cannot be resumed: the ledger does not say how far it got").arg(s.id())
            : tr("%1 cannot be resumed: its folder is missing").arg(s.id());
        return result;
    }
    // A file that does not read or parse now (the plan check's verdict) is not resumed
    if (PlanGate::refuseBadPlan(result, {s}, !rollback))
        return result;
    // The statement count means something only if the statements that ran are the same
    // in the file now, their inline COPY rows too: the dirty row keeps their checksum
    // (before ledger format 3 only the whole file's, which then has to match). Statements
    // after them may have been fixed.
    const SqlSplitResult &split = rollback ? s.migration->downSplit : s.migration->upSplit;
    const QString path = rollback ? s.migration->downPath() : s.migration->upPath();
    const int done = s.entry->progressDone;
    QString changed;
    if (!s.entry->progressChecksum.isEmpty())
        changed
            = ProgressChecksum::difference(s.entry->progressChecksum, split.statements, done, path);
    else if (!(rollback ? s.migration->downMatches(s.entry->downChecksum)
                        : s.migration->upMatches(s.entry->checksum)))
        changed = tr("%1 changed since the run that stopped").arg(path);
    if (!changed.isEmpty()) {
        result.outcome = RunResult::Outcome::Blocked;
        result.message = tr("%1 cannot be resumed: %2, so the run would not go on where it "
                            "stopped (after statement %3); put them back as they ran, or "
                            "finish by hand and 'repair --mark-done %4', or undo and "
                            "'repair --forget %4'")
                             .arg(s.id(), changed)
                             .arg(done)
                             .arg(s.version);
        return result;
    }
    if (PlanGate::refuseBadPlan(result, {s}, !rollback)
        || PlanGate::refuseNoTransactionBehindPooler(result, {s}, !rollback, m_session.topology(),
                                                     m_options.poolerFix))
        return result;
    MigrationScriptRunner script(m_connection, m_options.attemptMs(), m_options.lockTimeoutMs,
                                 m_cancelled, m_progress.message);
    script.setStatementTimeout(m_options.statementTimeoutMs);
    const QString action
        = ScriptFailureReport::actionName(rollback ? ScriptDirection::Down : ScriptDirection::Up);
    m_progress.started(0, 1, s.id(), action);
    int ms = 0;
    const bool ok = script.run(*s.migration, s.entry->version,
                               rollback ? MigrationScriptRunner::Direction::Down
                                        : MigrationScriptRunner::Direction::Up,
                               ledger, result, &ms, s.entry->progressDone);
    result.steps << RunStep{s.version, s.name, action, ms, ok, ok ? QString() : result.message};
    m_progress.finished(0, 1, s.id(), action, ok, ms);
    if (ok)
        result.message = tr("%1: resumed at statement %2 of %3 and finished")
                             .arg(s.id())
                             .arg(s.entry->progressDone + 1)
                             .arg(s.entry->progressTotal);
    return result;
}

} // namespace uaip
