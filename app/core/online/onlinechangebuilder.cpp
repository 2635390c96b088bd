#include "onlinechangebuilder.h"

#include "onlinechange.h"
#include "onlinechangewriter.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "ledger/migrationscaffold.h"
#include "ledger/migrationsource.h"
#include "migrate/generatedfolder.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"

#include <QDir>
#include <QTemporaryDir>

#include <memory>

namespace uaip {

namespace {

// A column's definition without its position ("#3 text NOT NULL" -> "text NOT NULL").
QString withoutPosition(const QString &definition)
{
    return definition.startsWith(u'#') ? definition.section(u' ', 1) : definition;
}

// The differences between the schema after expand and contract and the one the statement
// makes that are not only a column's position (a column made again is the table's last).
QList<SchemaSnapshot::Difference> beyondColumnOrder(const QList<SchemaSnapshot::Difference> &diffs)
{
    QList<SchemaSnapshot::Difference> left;
    for (const auto &d : diffs)
        if (d.kind != SchemaSnapshot::Difference::Kind::Changed || !d.object.startsWith(u"column ")
            || withoutPosition(d.before) != withoutPosition(d.after))
            left << d;
    return left;
}

} // namespace

struct OnlineChangeBuilder::Run
{
    OnlineChange change;
    OnlineChangePair pair{};
    QString expandVersion{}; // as the folder writes it
    std::optional<MigrationVersion> expand{};
    std::optional<MigrationVersion> contract{};
    QList<Migration> withBoth{};
    std::optional<SchemaSnapshot> before{};
    std::optional<SchemaSnapshot> expanded{};
    std::optional<SchemaSnapshot> contracted{};
    std::unique_ptr<QTemporaryDir> expandDir{}; // the proof copies of both folders
};

OnlineChangeBuilder::OnlineChangeBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                                         QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    , m_migrations(migrations)
{ }

Status OnlineChangeBuilder::notCancelled() const
{
    if (m_cancelled)
        return Error(ErrorCode::Cancelled, tr("cancelled"));
    return {};
}

Result<OnlineChangePair> OnlineChangeBuilder::build(const QByteArray &sql, const QString &name,
                                                    const QDateTime &nowUtc)
{
    for (const QString &n : {name, name + QStringLiteral("_contract")})
        if (Status named = MigrationScaffold::checkName(n); !named)
            return named.error();
    Result<OnlineChange> change = OnlineChange::parse(sql);
    if (!change)
        return change.error();
    Run run{.change = change.take()};
    run.pair.description = run.change.describe();

    emit progress(tr("applying the migrations on a sandbox database"));
    SandboxLease lease(m_sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error();
    ScratchDatabase scratch(m_sandbox, QStringLiteral("uaip_online"));
    if (Status opened = scratch.open(m_migrations); !opened)
        return opened.error();
    if (!m_migrations.isEmpty()) {
        const RunResult up = scratch.runner().up(std::nullopt);
        if (!up.ok())
            return Error(ErrorCode::Server,
                         tr("the migrations fail on a fresh sandbox database: %1").arg(up.message));
    }
    auto before = SchemaSnapshot::take(scratch.connection());
    if (!before)
        return before.error();
    run.before = before.take();

    if (Status going = notCancelled(); !going)
        return going.error();
    run.pair.expandFolder = MigrationScaffold::nextVersion(m_migrations, nowUtc) + u'_' + name;
    run.pair.expandAt = nowUtc;
    run.expandVersion = run.pair.expandFolder.section(u'_', 0, 0);
    emit progress(tr("writing the expand and contract of %1").arg(run.pair.description));
    Result<OnlineChangeScripts> scripts
        = OnlineChangeWriter::write(scratch.connection(), run.change, run.expandVersion);
    if (!scripts)
        return scripts.error();
    run.pair.scripts = scripts.take();
    if (Status named = this->name(run, name, nowUtc); !named)
        return named.error();
    scratch.setMigrations(run.withBoth);

    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("proving the expand on the sandbox"));
    if (Status proved = prove(run, scratch, false); !proved)
        return proved.error();
    if (run.pair.scripts.single)
        return run.pair;
    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("proving the contract on the sandbox"));
    if (Status proved = prove(run, scratch, true); !proved)
        return proved.error();
    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("comparing with the schema the statement itself makes"));
    if (Status proved = proveSameAsStatement(run, scratch, sql); !proved)
        return proved.error();
    return run.pair;
}

Status OnlineChangeBuilder::name(Run &run, const QString &name, const QDateTime &nowUtc) const
{
    const OnlineChangeScripts &s = run.pair.scripts;
    run.expandDir = std::make_unique<QTemporaryDir>();
    auto withExpand = GeneratedFolder::withProofCopy(
        *run.expandDir, m_migrations, run.pair.expandFolder, s.expandUp, s.expandDown);
    if (!withExpand)
        return withExpand.error();
    run.withBoth = withExpand.take();
    run.expand = run.withBoth.constLast().version;
    if (s.single)
        return {};
    // The contract's version comes after the expand's, made from a later time where versions
    // are timestamps (of seconds or minutes).
    const MigrationVersion expand = run.withBoth.constLast().version;
    QDateTime at = nowUtc;
    QString version = MigrationScaffold::nextVersion(run.withBoth, at);
    for (int i = 0; i < 120; ++i) {
        const auto parsed = MigrationVersion::parse(version);
        if (parsed && expand < *parsed)
            break;
        at = at.addSecs(1);
        version = MigrationScaffold::nextVersion(run.withBoth, at);
    }
    run.pair.contractAt = at;
    run.pair.contractFolder = version + u'_' + name + QStringLiteral("_contract");
    auto withContract = GeneratedFolder::withProofCopy(
        *run.expandDir, run.withBoth, run.pair.contractFolder, s.contractUp, s.contractDown);
    if (!withContract)
        return withContract.error();
    run.withBoth = withContract.take();
    run.contract = run.withBoth.constLast().version;
    return {};
}

Status OnlineChangeBuilder::step(Run &run, ScratchDatabase &scratch, bool up,
                                 const std::optional<MigrationVersion> &version,
                                 const SchemaSnapshot &expected, const QString &what) const
{
    const RunResult r = up ? scratch.runner().up(version)
                           : scratch.runner().down(DownTarget{DownTarget::Kind::Steps, 1, {}});
    if (!r.ok())
        return Error(ErrorCode::Server, tr("%1 fails on the sandbox: %2").arg(what, r.message));
    auto now = SchemaSnapshot::take(scratch.connection());
    if (!now)
        return now.error();
    // a column a rollback adds again is the table's last
    const auto diffs = beyondColumnOrder(expected.diff(*now));
    if (!diffs.isEmpty())
        return Error(ErrorCode::Internal,
                     tr("after %1 the sandbox's schema is not the one expected:\n%2")
                         .arg(what, SchemaSnapshot::Difference::describeAll(diffs)));
    run.pair.proof << what;
    return {};
}

Status OnlineChangeBuilder::prove(Run &run, ScratchDatabase &scratch, bool contract) const
{
    const QString &folder = contract ? run.pair.contractFolder : run.pair.expandFolder;
    const std::optional<MigrationVersion> &version = contract ? run.contract : run.expand;
    const SchemaSnapshot &before = contract ? *run.expanded : *run.before;
    std::optional<SchemaSnapshot> &after = contract ? run.contracted : run.expanded;
    const RunResult up = scratch.runner().up(version);
    if (!up.ok())
        return Error(ErrorCode::Server,
                     (contract ? tr("the contract %1 fails on the sandbox: %2\n\n%3")
                               : tr("the expand %1 fails on the sandbox: %2\n\n%3"))
                         .arg(folder, up.message,
                              QString::fromUtf8(contract ? run.pair.scripts.contractUp
                                                         : run.pair.scripts.expandUp)));
    auto applied = SchemaSnapshot::take(scratch.connection());
    if (!applied)
        return applied.error();
    after = applied.take();
    run.pair.proof << tr("%1 applied").arg(folder);
    if (Status s
        = step(run, scratch, false, std::nullopt, before, tr("rolling back %1").arg(folder));
        !s)
        return s;
    return step(run, scratch, true, version, *after, tr("applying %1 again").arg(folder));
}

Status OnlineChangeBuilder::proveSameAsStatement(Run &run, ScratchDatabase &scratch,
                                                 const QByteArray &sql) const
{
    if (Status s = step(run, scratch, false, std::nullopt, *run.expanded,
                        tr("rolling back %1").arg(run.pair.contractFolder));
        !s)
        return s;
    if (Status s = step(run, scratch, false, std::nullopt, *run.before,
                        tr("rolling back %1").arg(run.pair.expandFolder));
        !s)
        return s;
    // the change's own statement, or where it is none (a split) the one with its end shape
    const QByteArray &endShape = run.pair.scripts.endShape;
    const PgResult direct = scratch.connection().execOne(endShape.isEmpty() ? sql : endShape);
    if (!direct.ok())
        return Error(direct.error()).in(tr("the statement itself fails on the sandbox"));
    auto plain = SchemaSnapshot::take(scratch.connection());
    if (!plain)
        return plain.error();
    const auto diffs = beyondColumnOrder(run.contracted->diff(*plain));
    if (!diffs.isEmpty())
        return Error(ErrorCode::Internal,
                     tr("the schema after the expand and the contract is not the one the "
                        "statement makes:\n%1")
                         .arg(SchemaSnapshot::Difference::describeAll(diffs)));
    run.pair.proof << tr("the schema after both is the statement's (the column order apart)");
    return {};
}

Result<QStringList> OnlineChangeBuilder::write(const OnlineChangePair &pair, const QString &dir,
                                               const QList<Migration> &existing)
{
    const OnlineChangeScripts &s = pair.scripts;
    const Result<QString> expand = GeneratedFolder::write(
        pair.expandFolder, s.expandUp, s.expandDown, dir, existing, pair.expandAt);
    if (!expand)
        return expand.error();
    if (s.single)
        return QStringList{expand.value()};
    MigrationSource reread;
    Result<QString> contract = Error(ErrorCode::Internal, tr("the folder cannot be read again"));
    if (reread.load(dir))
        contract = GeneratedFolder::write(pair.contractFolder, s.contractUp, s.contractDown, dir,
                                          reread.migrations(), pair.contractAt);
    else
        contract = Error(ErrorCode::BadInput, reread.errors().join(QStringLiteral("; ")));
    if (!contract) {
        QDir(expand.value()).removeRecursively(); // both or none
        return Error(contract.error())
            .in(tr("the contract cannot be written, so the expand %1 was removed again")
                    .arg(pair.expandFolder));
    }
    return QStringList{expand.value(), contract.value()};
}

} // namespace uaip
