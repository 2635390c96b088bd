#include "migrationverifier.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "ledger/ledger.h"
#include "migrationrunner.h"
#include "planchecker.h"
#include "scratchdatabase.h"

#include <QMap>

namespace uaip {

// The ledger's own schema (uaip_ledger) is not part of what the migrations build: neither
// the schema ("schema uaip_ledger", "owner schema uaip_ledger", "grants on schema
// uaip_ledger") nor anything in it.
QList<SchemaSnapshot::Difference>
MigrationVerifier::withoutLedger(const QList<SchemaSnapshot::Difference> &diffs)
{
    const QString schema = QString::fromLatin1(Ledger::kSchema);
    QList<SchemaSnapshot::Difference> out;
    for (const auto &d : diffs)
        if (!d.object.endsWith(u' ' + schema) && !d.object.contains(u' ' + schema + u'.'))
            out << d;
    return out;
}

MigrationVerifier::MigrationVerifier(Sandbox &sandbox, const QList<Migration> &migrations,
                                     QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    , m_migrations(migrations)
{ }

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

bool MigrationVerifier::readTargetLevel(PgConnection &target, VerifyReport &report,
                                        std::optional<MigrationVersion> &targetLevel,
                                        QString *error)
{
    MigrationRunner reader(target, m_migrations, {});
    const auto statuses = reader.status();
    if (!statuses) {
        *error = statuses.error().toString();
        return false;
    }
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
    return true;
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

bool MigrationVerifier::checkDown(const Migration &m, const ScriptProblems &problems,
                                  ScratchDatabase &scratch, const SchemaSnapshot &before,
                                  VerifyReport::RoundTrip &trip, bool *rebuild, QString *error)
{
    if (problems.down.contains(m.id())) {
        trip.ok = false;
        trip.error = problems.down.value(m.id()).join(u'\n');
    } else if (m.hasDown) {
        RunResult down = scratch.runner().down(DownTarget{DownTarget::Kind::Steps, 1, {}});
        if (!down.ok()) {
            trip.ok = false;
            trip.error = tr("down.sql failed: %1").arg(down.message);
            *rebuild = true;
        } else {
            auto restored = SchemaSnapshot::take(scratch.connection(), error);
            if (!restored)
                return false;
            trip.differences = withoutLedger(before.diff(*restored));
            trip.ok = trip.differences.isEmpty();
            RunResult again = scratch.runner().up(m.version);
            if (!again.ok()) {
                trip.ok = false;
                trip.error = tr("up.sql failed after down.sql: %1").arg(again.message);
            }
            // what the next round trip starts from must be what up.sql made
            *rebuild = !trip.ok;
        }
    }
    return true;
}

MigrationVerifier::Rebuilt MigrationVerifier::rebuild(const Migration &m, ScratchDatabase &scratch,
                                                      VerifyReport::RoundTrip &trip, QString *error)
{
    scratch.drop();
    if (!scratch.open(m_migrations, error))
        return Rebuilt::Failed;
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

std::optional<VerifyReport> MigrationVerifier::verify(PgConnection *target, QString *error)
{
    VerifyReport report;
    // Every script of the round trips is checked before anything runs. A script with problems
    // (a syntax error at file:line:col, ...) is a failed round trip, not a reason to stop: an
    // up.sql with problems ends the round trips there (the later ones depend on it); a down.sql
    // with problems is not run, and the round trips go on from its up.sql.
    const ScriptProblems problems = scriptProblems(); // by migration id
    // Where is the target? (highest applied version; drift is judged at that level)
    std::optional<MigrationVersion> targetLevel;
    if (target && !readTargetLevel(*target, report, targetLevel, error))
        return std::nullopt;

    SandboxLease lease(m_sandbox); // stopped again at the end if this started it
    if (!lease.acquire(error))
        return std::nullopt;
    // The scratch database the round trips run on. After a round trip that failed (down.sql
    // failed, or did not restore so up.sql failed again) the database is in no known state:
    // it is replaced by a fresh one with the migrations up to that one applied straight, and
    // the next round trip runs there.
    ScratchDatabase scratch(m_sandbox, QStringLiteral("uaip_verify"));
    if (!scratch.open(m_migrations, error))
        return std::nullopt;

    auto before = SchemaSnapshot::take(scratch.connection(), error);
    if (!before)
        return std::nullopt;
    std::optional<SchemaSnapshot> expected;
    if (!targetLevel)
        expected = before;
    for (int i = 0; i < m_migrations.size(); ++i) {
        const Migration &m = m_migrations[i];
        if (m_cancelled) {
            *error = tr("cancelled");
            return std::nullopt;
        }
        emit progress(i, int(m_migrations.size()), m.id());
        VerifyReport::RoundTrip trip;
        trip.migration = m.id();
        if (problems.up.contains(m.id())) {
            addNotRun(i, problems, trip, report);
            break;
        }
        RunResult up = scratch.runner().up(m.version);
        if (!up.ok()) {
            trip.ok = false;
            trip.error = up.message;
            report.roundTrips << trip;
            break; // later migrations depend on this one
        }
        auto after = SchemaSnapshot::take(scratch.connection(), error);
        if (!after)
            return std::nullopt;
        bool rebuildScratch = false;
        if (!checkDown(m, problems, scratch, *before, trip, &rebuildScratch, error))
            return std::nullopt;
        if (rebuildScratch) {
            const Rebuilt rebuilt = rebuild(m, scratch, trip, error);
            if (rebuilt == Rebuilt::Failed)
                return std::nullopt;
            if (rebuilt == Rebuilt::UpFailed) {
                report.roundTrips << trip;
                break;
            }
        }
        report.roundTrips << trip;
        before = after;
        if (targetLevel && m.version == *targetLevel)
            expected = after;
    }
    if (target && expected) {
        auto actual = SchemaSnapshot::take(*target, error);
        if (!actual)
            return std::nullopt;
        report.drift = withoutLedger(expected->diff(*actual));
    }
    return report;
}

} // namespace uaip
