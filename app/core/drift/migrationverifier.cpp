#include "migrationverifier.h"

#include "migrate/migrationplanner.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "foreign/foreignhistorytables.h"
#include "migrate/migrationrunner.h"
#include "migrate/planchecker.h"
#include "migrate/scratchdatabase.h"
#include "migrate/serversyntaxcheck.h"

#include <QMap>

#include <algorithm>

namespace uaip {

MigrationVerifier::MigrationVerifier(Sandbox &sandbox, const QList<Migration> &migrations,
                                     QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    // as the sandbox's major reads them: syntax newer than the parser runs there, unchecked
    , m_migrations(MigrationPlanner::admitted(migrations, sandbox.major() * 10000))
{ }

void MigrationVerifier::addServerSyntaxProblems(PgConnection &sandbox,
                                                ScriptProblems &problems) const
{
    // what the parser cannot read (syntax newer than it), read by the sandbox's own grammar, of
    // the target's major: a typo is a problem of its script as any other syntax error
    for (const Migration &m : m_migrations)
        for (const bool up : {true, false})
            if (const Result<QList<ValidationProblem>> found
                = ServerSyntaxCheck::script(sandbox, m, up))
                for (const ValidationProblem &p : found.value())
                    (up ? problems.up : problems.down)[m.id()] << p.describe();
}

MigrationVerifier::ScriptProblems MigrationVerifier::scriptProblems() const
{
    ScriptProblems problems;
    for (const ValidationProblem &p : PlanChecker::checkAll(m_migrations))
        for (const Migration &m : m_migrations) {
            if (p.file == m.upPath())
                problems.up[m.id()] << p.describe();
            else if (p.file == m.downPath())
                problems.down[m.id()] << p.describe();
            else
                continue;
            break;
        }
    return problems;
}

Status MigrationVerifier::readTargetLevel(PgConnection &target, VerifyReport &report,
                                          std::optional<MigrationVersion> &targetLevel)
{
    MigrationRunner reader(target, m_migrations, {});
    const auto statuses = reader.status();
    if (!statuses)
        return statuses.error();
    // the highest applied version that has a folder; applied ones without are named (their
    // SQL is unknown, so the schema expected at that level cannot be built)
    for (const MigrationStatus &s : statuses.value()) {
        if (s.state == MigrationState::Missing)
            report.targetProblems
                << tr("%1 is applied on the target, but has no migration folder: what it "
                      "did is not among the migrations, so the drift below is measured "
                      "without it")
                       .arg(s.id());
        else if (s.isApplied() && s.parsedVersion)
            targetLevel = s.parsedVersion;
    }
    report.targetChecked = true;
    report.targetLevel = targetLevel ? targetLevel->text() : QString();
    return {};
}

void MigrationVerifier::addNotRun(int i, const ScriptProblems &problems,
                                  VerifyReport::RoundTrip &trip, VerifyReport &report) const
{
    const Migration &m = m_migrations[i];
    trip.ok = false;
    trip.error = (problems.up.value(m.id()) + problems.down.value(m.id())).join(u'\n');
    report.roundTrips << trip;
    // Not run, since this up.sql is not; but each later script with problems is named.
    for (int j = i + 1; j < m_migrations.size(); ++j) {
        const QString id = m_migrations[j].id();
        if (problems.up.contains(id) || problems.down.contains(id))
            report.roundTrips << VerifyReport::RoundTrip{
                id, false, (problems.up.value(id) + problems.down.value(id)).join(u'\n'), {}};
    }
}

Result<bool> MigrationVerifier::takeWritten(int i, ScratchDatabase &scratch,
                                            ScriptProblems &problems)
{
    const auto written = m_writer->next(i);
    if (!written)
        return written.error();
    if (!*written)
        return false;
    const QString id = m_migrations[i].id();
    m_migrations[i] = MigrationPlanner::admitted(**written, m_sandbox.major() * 10000);
    scratch.setMigrations(m_migrations);
    // checked as every script is before anything runs
    problems.up.remove(id);
    problems.down.remove(id);
    const Migration &m = m_migrations[i];
    for (const ValidationProblem &p : PlanChecker::checkAll({m}))
        (p.file == m.upPath() ? problems.up : problems.down)[id] << p.describe();
    return true;
}

Result<bool> MigrationVerifier::stillAsUpMadeIt(const Migration &m, ScratchDatabase &scratch,
                                                const SchemaSnapshot &after)
{
    const auto statuses = scratch.runner().status();
    if (!statuses)
        return statuses.error();
    const auto own = std::find_if(statuses->cbegin(), statuses->cend(),
                                  [&](const MigrationStatus &s) { return s.id() == m.id(); });
    if (own == statuses->cend() || own->state != MigrationState::Applied)
        return false;
    const auto now = SchemaSnapshot::take(scratch.connection());
    if (!now)
        return now.error();
    return after.diff(*now).isEmpty();
}

Status MigrationVerifier::checkDown(const Migration &m, const ScriptProblems &problems,
                                    ScratchDatabase &scratch, const SchemaSnapshot &before,
                                    const SchemaSnapshot &after, VerifyReport::RoundTrip &trip,
                                    bool *rebuild, bool *againLater)
{
    if (problems.down.contains(m.id())) {
        trip.ok = false;
        trip.error = problems.down.value(m.id()).join(u'\n');
    } else if (m.hasDown) {
        RunResult down = scratch.runner().down(DownTarget{DownTarget::Kind::Steps, 1, {}});
        if (!down.ok()) {
            trip.ok = false;
            trip.error = tr("down.sql failed: %1").arg(down.message);
        } else {
            const auto restored = SchemaSnapshot::take(scratch.connection());
            if (!restored)
                return restored.error();
            trip.differences = before.diff(*restored);
            trip.ok = trip.differences.isEmpty();
            // restored: up.sql runs again in the next migration's run (upAfterAgain)
            if (trip.ok && againLater) {
                *againLater = true;
                return {};
            }
            againFailed(scratch.runner().up(m.version), trip);
        }
    }
    // what the next round trip starts from must be what up.sql made
    if (!trip.ok && !problems.down.contains(m.id())) {
        // not known (the connection lost, a ledger that does not read): a fresh one
        const Result<bool> kept = stillAsUpMadeIt(m, scratch, after);
        *rebuild = !kept || !*kept;
    }
    return {};
}

bool MigrationVerifier::againFailed(const RunResult &again, VerifyReport::RoundTrip &trip)
{
    if (again.ok())
        return false;
    trip.ok = false;
    trip.error = tr("up.sql failed after down.sql: %1").arg(again.message);
    return true;
}

Result<MigrationVerifier::Rebuilt> MigrationVerifier::rebuild(const Migration &m,
                                                              ScratchDatabase &scratch,
                                                              VerifyReport::RoundTrip &trip)
{
    // The sandbox stays running for the round trips after it: the drop need not wait for
    // PostgreSQL 15's checkpoint of the whole sandbox (ScratchDatabase::setDropInBackground).
    scratch.setDropInBackground(true);
    scratch.drop();
    scratch.setDropInBackground(false);
    if (m_writer)
        m_writer->holdOff();
    const Status opened = scratch.open(m_migrations);
    if (m_writer)
        m_writer->goOn();
    if (!opened)
        return opened.error();
    RunResult straight = scratch.runner().up(m.version);
    if (!straight.ok()) {
        trip.error += u'\n'
            + tr("the migrations up to %1 failed on a fresh database, so the round "
                 "trips stop here: %2")
                  .arg(m.id(), straight.message);
        return Rebuilt::UpFailed;
    }
    return Rebuilt::Ok;
}

Result<MigrationVerifier::Rebuilt>
MigrationVerifier::downAndBack(const Migration &m, const ScriptProblems &problems,
                               ScratchDatabase &scratch, const SchemaSnapshot &before,
                               const SchemaSnapshot &after, VerifyReport::RoundTrip &trip,
                               VerifyReport &report, bool *againLater)
{
    bool rebuildScratch = false;
    if (Status checked
        = checkDown(m, problems, scratch, before, after, trip, &rebuildScratch, againLater);
        !checked)
        return checked.error();
    return rebuildScratch ? rebuildAfterTrip(m, scratch, trip, report) : Rebuilt::Ok;
}

Result<MigrationVerifier::Rebuilt>
MigrationVerifier::rebuildAfterTrip(const Migration &m, ScratchDatabase &scratch,
                                    VerifyReport::RoundTrip &trip, VerifyReport &report)
{
    ++report.rebuilds;
    return rebuild(m, scratch, trip);
}

Result<RunResult> MigrationVerifier::upAfterAgain(int i, ScratchDatabase &scratch,
                                                  const SchemaSnapshot &previousAfter,
                                                  VerifyReport &report, bool *stop)
{
    const Migration &previous = m_migrations[i - 1];
    RunResult both = scratch.runner().up(m_migrations[i].version);
    if (!both.ok() && both.steps.isEmpty()) {
        // refused before anything ran (a gate of the plan: PlanGate, BatchWalkGate,
        // ContractGate), maybe for migration i: each on its own, as without the merge
        const Result<bool> stopped = againAlone(i - 1, scratch, previousAfter, report);
        if (!stopped)
            return stopped.error();
        *stop = *stopped;
        return *stop ? both : scratch.runner().up(m_migrations[i].version);
    }
    const QString again = previous.version.text();
    if (std::any_of(both.steps.cbegin(), both.steps.cend(),
                    [&](const RunStep &s) { return s.ok && s.version == again; }))
        return both; // migration i's own failure, if it failed, is its round trip's
    // as checkDown says it of an up.sql run again on its own, into the previous round trip
    VerifyReport::RoundTrip &trip = report.roundTrips.last();
    againFailed(both, trip);
    const Result<bool> kept = stillAsUpMadeIt(previous, scratch, previousAfter);
    if (!kept || !*kept) {
        const Result<Rebuilt> rebuilt = rebuildAfterTrip(previous, scratch, trip, report);
        if (!rebuilt)
            return rebuilt.error();
        if (*rebuilt == Rebuilt::UpFailed) {
            *stop = true;
            return both;
        }
    }
    return scratch.runner().up(m_migrations[i].version);
}

Result<bool> MigrationVerifier::againAlone(int i, ScratchDatabase &scratch,
                                           const SchemaSnapshot &after, VerifyReport &report)
{
    VerifyReport::RoundTrip &trip = report.roundTrips.last();
    if (!againFailed(scratch.runner().up(m_migrations[i].version), trip))
        return false;
    const Result<bool> kept = stillAsUpMadeIt(m_migrations[i], scratch, after);
    if (kept && *kept)
        return false;
    const Result<Rebuilt> rebuilt = rebuildAfterTrip(m_migrations[i], scratch, trip, report);
    if (!rebuilt)
        return rebuilt.error();
    return *rebuilt == Rebuilt::UpFailed;
}

Result<VerifyReport> MigrationVerifier::verify(PgConnection *target, const QString &toolTable)
{
    VerifyReport report;
    // Every script of the round trips is checked before anything runs. A script with problems
    // (a syntax error at file:line:col, ...) is a failed round trip, not a reason to stop: an
    // up.sql with problems ends the round trips there (the later ones depend on it); a down.sql
    // with problems is not run, and the round trips go on from its up.sql.
    ScriptProblems problems = scriptProblems(); // by migration id
    // Where is the target? (highest applied version; drift is judged at that level)
    std::optional<MigrationVersion> targetLevel;
    if (Status read = target ? readTargetLevel(*target, report, targetLevel) : Status(); !read)
        return read.error();

    SandboxLease lease(m_sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error();
    // The scratch database the round trips run on. After a round trip that failed (down.sql
    // failed, or did not restore so up.sql failed again) the database is kept when it is still
    // as the up.sql made it (stillAsUpMadeIt); else it is in no known state: it is replaced by
    // a fresh one with the migrations up to that one applied straight, and the next round trip
    // runs there.
    ScratchDatabase scratch(m_sandbox, QStringLiteral("uaip_verify"));
    if (Status opened = scratch.open(m_migrations); !opened)
        return opened.error();
    addServerSyntaxProblems(scratch.connection(), problems);

    const Result<std::optional<SchemaSnapshot>> expected
        = roundTrips(scratch, problems, targetLevel, report);
    if (!expected)
        return expected.error();
    if (target && *expected)
        if (Status compared = compareTarget(*target, **expected, toolTable, report); !compared)
            return compared.error();
    return report;
}

Result<std::optional<SchemaSnapshot>>
MigrationVerifier::roundTrips(ScratchDatabase &scratch, ScriptProblems &problems,
                              const std::optional<MigrationVersion> &targetLevel,
                              VerifyReport &report)
{
    auto before = SchemaSnapshot::take(scratch.connection());
    if (!before)
        return before.error();
    std::optional<SchemaSnapshot> expected;
    if (!targetLevel)
        expected = *before;
    // A restored round trip's up.sql runs again together with the next up.sql (upAfterAgain):
    // one run where there were two; againAlone where no next up.sql follows.
    bool again = false;
    for (int i = 0; i < m_migrations.size(); ++i) {
        // m_migrations[i] is replaced by m_writer's (a reference to it would not survive)
        const QString id = m_migrations[i].id();
        const MigrationVersion version = m_migrations[i].version;
        if (m_cancelled)
            return Error(ErrorCode::Cancelled, tr("cancelled"));
        emit progress(i, int(m_migrations.size()), id);
        VerifyReport::RoundTrip trip;
        trip.migration = id;
        const Result<bool> prove
            = m_writer ? takeWritten(i, scratch, problems) : Result<bool>(true);
        if (!prove)
            return prove.error();
        if (problems.up.contains(id)) {
            const Result<bool> stop
                = again ? againAlone(i - 1, scratch, *before, report) : Result<bool>(false);
            if (!stop)
                return stop.error();
            if (!*stop)
                addNotRun(i, problems, trip, report);
            again = false;
            break;
        }
        bool stop = false;
        const Result<RunResult> up = again ? upAfterAgain(i, scratch, *before, report, &stop)
                                           : Result<RunResult>(scratch.runner().up(version));
        again = false;
        if (!up)
            return up.error();
        if (stop)
            break;
        if (!up->ok()) {
            trip.ok = false;
            trip.error = up->message;
            report.roundTrips << trip;
            break; // later migrations depend on this one
        }
        auto after = SchemaSnapshot::take(scratch.connection());
        if (!after)
            return after.error();
        if (!*prove) {
            if (targetLevel && version == *targetLevel)
                expected = *after;
            before = after;
            continue;
        }
        const bool next = i + 1 < m_migrations.size();
        const Result<Rebuilt> back = downAndBack(m_migrations[i], problems, scratch, *before,
                                                 *after, trip, report, next ? &again : nullptr);
        if (!back)
            return back.error();
        report.roundTrips << trip;
        if (*back == Rebuilt::UpFailed)
            break;
        before = after;
        if (targetLevel && version == *targetLevel)
            expected = *after;
    }
    return expected;
}

Status MigrationVerifier::compareTarget(PgConnection &target, const SchemaSnapshot &expected,
                                        const QString &toolTable, VerifyReport &report)
{
    auto toolTables = ForeignHistoryTables::read(target, toolTable);
    if (!toolTables)
        return toolTables.error();
    const auto actual = toolTables->snapshot(target, &expected);
    if (!actual)
        return actual.error();
    report.drift = expected.diff(*actual);
    report.leftOut = toolTables->notes();
    return {};
}

} // namespace uaip
