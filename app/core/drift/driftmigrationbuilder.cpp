#include "driftmigrationbuilder.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "ddlcatalog.h"
#include "foreign/foreignhistorytables.h"
#include "ledger/migrationscaffold.h"
#include "migrate/generatedfolder.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"
#include "migrationgenerator.h"
#include "onlineformwriter.h"
#include "util/sqlcomment.h"

#include <QTemporaryDir>

#include <algorithm>
#include <tuple>

namespace uaip {

namespace {

// Whether a difference the snapshot reports is about an object the generator left as it is
// (the object, something it belongs to, or the object whose CREATE makes it).
bool leftOnPurpose(const QString &object, const QSet<QString> &leftAsIs, const DdlCatalog &expected,
                   const DdlCatalog &live)
{
    QString key = object;
    if (key.startsWith(u"grants on "))
        key = key.mid(10);
    QStringList queue{key, object};
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        const QString k = queue.takeFirst();
        if (seen.contains(k))
            continue;
        seen.insert(k);
        if (leftAsIs.contains(k))
            return true;
        for (const DdlCatalog *c : {&expected, &live})
            if (const DdlObject *o = c->find(k)) {
                if (!o->parent.isEmpty())
                    queue << o->parent;
                if (!o->comesWith.isEmpty())
                    queue << o->comesWith;
                const QString ownedBy = o->attrs.value(QLatin1String("owned_by")).toString();
                if (!ownedBy.isEmpty())
                    queue << QStringLiteral("column ") + ownedBy;
            }
    }
    return false;
}

// Whether the snapshot compares this kind of object and the generator writes no SQL for it
// (DdlCatalog does not read it): storage parameters, replica identity, extended statistics,
// publications, event triggers, collations, operators, aggregates, foreign tables, and their
// owners.
bool notInTheGenerator(const QString &object)
{
    static const QStringList kinds{
        QStringLiteral("storage parameters "),
        QStringLiteral("replica identity "),
        QStringLiteral("statistics "),
        QStringLiteral("publication "),
        QStringLiteral("event trigger "),
        QStringLiteral("collation "),
        QStringLiteral("operator "),
        // not generated either (a REVIEW note already): their owners, grants and comments
        QStringLiteral("aggregate "),
        QStringLiteral("foreign table "),
    };
    const QString kind = object.startsWith(u"owner ") ? object.mid(6) : object;
    return std::any_of(kinds.cbegin(), kinds.cend(),
                       [&](const QString &k) { return kind.startsWith(k); });
}

} // namespace

DriftMigrationBuilder::DriftMigrationBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                                             QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    , m_migrations(migrations)
{ }

// What build() has read and made so far, shared by its steps.
struct DriftMigrationBuilder::Run
{
    PgConnection &target;
    DriftMigration result{};
    std::optional<MigrationVersion> level{};
    std::optional<DdlCatalog> live{};
    // The live schema without other tools' history tables.
    std::optional<DdlCatalog> liveSchemaOnly{};
    QSet<QString> historyTables{};
    QList<GeneratorNote> historyNotes{};
    std::optional<SchemaSnapshot> liveSchema{};
    // What the migrations make on the sandbox, up to the live database's level.
    std::optional<DdlCatalog> expected{};
    std::optional<SchemaSnapshot> start{};
};

Result<DriftMigration> DriftMigrationBuilder::build(PgConnection &target, const QString &name,
                                                    const QDateTime &nowUtc)
{
    if (Status named = MigrationScaffold::checkName(name); !named)
        return named.error();
    if (Status going = notCancelled(); !going)
        return going.error();
    Run run{.target = target};
    const auto level
        = GeneratedFolder::liveLevel(target, m_migrations, tr("its drift can become the next one"));
    if (!level)
        return level.error();
    run.level = *level;
    run.result.targetLevel = run.level ? run.level->text() : QString();

    emit progress(tr("reading the live database's schema"));
    if (Status read = readLive(run); !read)
        return read.error();

    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("applying the migrations on a sandbox database"));
    SandboxLease lease(m_sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error();
    ScratchDatabase scratch(m_sandbox, QStringLiteral("uaip_diff"));
    if (Status opened = scratch.open(m_migrations); !opened)
        return opened.error();
    if (Status read = readExpected(run, scratch); !read)
        return read.error();
    if (run.result.drift.isEmpty())
        return run.result;

    if (Status generated = generate(run, name, nowUtc); !generated)
        return generated.error();

    // The proof runs the files as they will be written: from a folder, read as any other.
    QTemporaryDir dir;
    const auto withNew = GeneratedFolder::withProofCopy(dir, m_migrations, run.result.folderName,
                                                        run.result.upSql, run.result.downSql);
    if (!withNew)
        return withNew.error();

    // Roles the live schema names must exist on the sandbox for GRANT and OWNER TO.
    if (Status created = createRoles(scratch, run.live->roles()); !created)
        return created.error();

    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("proving up.sql and down.sql on the sandbox"));
    if (Status proved = proveUp(run, scratch, *withNew); !proved)
        return proved.error();
    if (Status going = notCancelled(); !going)
        return going.error();
    if (Status proved = proveDown(run, scratch); !proved)
        return proved.error();
    return run.result;
}

Status DriftMigrationBuilder::readLive(Run &run)
{
    PgConnection &target = run.target;
    auto live = DdlCatalog::take(target);
    if (!live)
        return live.error();
    run.live = live.take();
    // Other tools' history tables (TypeORM's migrations, ...) are left out: the migrations
    // never make them, and a migration must not either.
    run.liveSchemaOnly = *run.live;
    auto toolTables = ForeignHistoryTables::read(target, m_foreignTable);
    if (!toolTables)
        return toolTables.error();
    // (a table another role owns is not left out: compared as any, said by verify)
    for (const ForeignLedger &l : toolTables->trusted()) {
        // quoted as the catalog query quotes (format's %I, not libpq's always-quoting escape)
        const QString key = target.scalar("SELECT format('table %I.%I', $1::text, $2::text)",
                                          {l.schema, l.table});
        for (const QString &k : run.liveSchemaOnly->remove(key))
            run.historyTables.insert(k);
        run.historyNotes << GeneratorNote{
            GeneratorNote::Kind::NotGenerated, key,
            tr("%1 is %2's history table: left out").arg(l.qualifiedName(), l.tool.displayName)};
    }
    auto schema = toolTables->snapshot(target);
    if (!schema)
        return schema.error();
    run.liveSchema = schema.take();
    return {};
}

Status DriftMigrationBuilder::readExpected(Run &run, ScratchDatabase &scratch)
{
    if (run.level) {
        const RunResult up = scratch.runner().up(run.level);
        if (!up.ok())
            return Error(ErrorCode::Server,
                         tr("the migrations fail on a fresh sandbox database: %1").arg(up.message));
    }
    if (Status going = notCancelled(); !going)
        return going;
    auto expected = DdlCatalog::take(scratch.connection());
    if (!expected)
        return expected.error();
    run.expected = expected.take();
    auto start = SchemaSnapshot::take(scratch.connection());
    if (!start)
        return start.error();
    run.start = start.take();
    for (const auto &d : run.start->diff(*run.liveSchema))
        if (!leftOnPurpose(d.object, run.historyTables, *run.expected, *run.live))
            run.result.drift << d;
    return {};
}

Status DriftMigrationBuilder::generate(Run &run, const QString &name, const QDateTime &nowUtc) const
{
    DriftMigration &result = run.result;
    result.up = MigrationGenerator::up(*run.expected, *run.liveSchemaOnly);
    for (const auto &d : std::as_const(result.drift))
        if (notInTheGenerator(d.object) && !result.up.leftAsIs.contains(d.object)) {
            result.up.leftAsIs.insert(d.object);
            result.up.notes << GeneratorNote{
                GeneratorNote::Kind::NotGenerated, d.object,
                tr("%1 differs and is not generated: change it by hand").arg(d.object)};
        }
    result.down = MigrationGenerator::down(*run.liveSchemaOnly, *run.expected, result.up.leftAsIs);
    if (Status written = writeOnlineForms(run); !written)
        return written;
    result.up.notes += run.historyNotes;
    result.up.leftAsIs += run.historyTables;
    result.folderName = MigrationScaffold::nextVersion(m_migrations, nowUtc) + u'_' + name;
    const QString header
        = tr("%1: generated by uaip-migrate diff from the drift of database %2\n"
             "on %3. Proved on a sandbox before it was written: up.sql makes the\n"
             "migrations' schema the live one, down.sql makes it the migrations' again.")
              .arg(result.folderName, SqlComment::text(run.target.database()),
                   nowUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    result.upSql = result.up.render(header).toUtf8();
    result.downSql = result.down.render(tr("%1: undoes up.sql").arg(result.folderName)).toUtf8();
    // Nothing runs on the sandbox (nor is written) but the steps' own statements: no text in a
    // comment (a note, a name) can have become one.
    for (const auto &[file, script, text] : {std::tuple{"up.sql", &result.up, &result.upSql},
                                             std::tuple{"down.sql", &result.down, &result.downSql}})
        if (const auto stray = script->strayStatement(*text))
            return Error(ErrorCode::Internal,
                         tr("the generated %1 holds a statement that is not one of its steps, so "
                            "it is neither run nor written: %2")
                             .arg(QLatin1String(file), *stray),
                         {{QStringLiteral("path"), QLatin1String(file)}});
    return {};
}

Status DriftMigrationBuilder::writeOnlineForms(Run &run) const
{
    DriftMigration &result = run.result;
    const Result<int> rewritten = OnlineFormWriter::rewriteOnLive(run.target, m_maxBlockingRows,
                                                                  {&result.up, &result.down});
    if (!rewritten)
        return Error(rewritten.error())
            .in(tr("the live sizes of the tables the generated SQL would lock while it scans "
                   "them cannot be read, so whether it needs its online form is not known"));
    return {};
}

Status DriftMigrationBuilder::createRoles(ScratchDatabase &scratch, const QStringList &roles)
{
    if (Status ensured = scratch.ensureRoles(roles); !ensured)
        return ensured.error().in(tr("cannot create the roles the schema names on the sandbox"));
    return {};
}

Status DriftMigrationBuilder::proveUp(Run &run, ScratchDatabase &scratch,
                                      const QList<Migration> &withNew)
{
    DriftMigration &result = run.result;
    scratch.setMigrations(withNew);
    const MigrationVersion version = withNew.constLast().version;
    const RunResult up = scratch.runner().up(version);
    if (!up.ok())
        return Error(ErrorCode::Server,
                     tr("the generated up.sql fails on the sandbox: %1\n\n%2")
                         .arg(up.message, QString::fromUtf8(result.upSql)));
    const auto afterUp = SchemaSnapshot::take(scratch.connection());
    if (!afterUp)
        return afterUp.error();
    QList<SchemaSnapshot::Difference> unexplained;
    for (const auto &d : afterUp->diff(*run.liveSchema)) {
        if (leftOnPurpose(d.object, result.up.leftAsIs, *run.expected, *run.live))
            result.leftAfterUp << d;
        else
            unexplained << d;
    }
    if (!unexplained.isEmpty())
        return Error(ErrorCode::Internal,
                     tr("after the generated up.sql the sandbox still differs from the live "
                        "database:\n%1\n\n%2")
                         .arg(SchemaSnapshot::Difference::describeAll(unexplained),
                              QString::fromUtf8(result.upSql)));
    return {};
}

Status DriftMigrationBuilder::proveDown(const Run &run, ScratchDatabase &scratch)
{
    const RunResult down = scratch.runner().down(DownTarget{DownTarget::Kind::Steps, 1, {}});
    if (!down.ok())
        return Error(ErrorCode::Server,
                     tr("the generated down.sql fails on the sandbox: %1\n\n%2")
                         .arg(down.message, QString::fromUtf8(run.result.downSql)));
    const auto afterDown = SchemaSnapshot::take(scratch.connection());
    if (!afterDown)
        return afterDown.error();
    const auto notRestored = run.start->diff(*afterDown);
    if (!notRestored.isEmpty())
        return Error(ErrorCode::Internal,
                     tr("the generated down.sql does not restore the migrations' schema:\n%1\n\n%2")
                         .arg(SchemaSnapshot::Difference::describeAll(notRestored),
                              QString::fromUtf8(run.result.downSql)));
    return {};
}

Status DriftMigrationBuilder::notCancelled() const
{
    if (m_cancelled)
        return Error(ErrorCode::Cancelled, tr("cancelled"));
    return {};
}

Result<QString> DriftMigrationBuilder::write(const DriftMigration &migration, const QString &dir,
                                             const QList<Migration> &existing,
                                             const QDateTime &nowUtc)
{
    return GeneratedFolder::write(migration.folderName, migration.upSql, migration.downSql, dir,
                                  existing, nowUtc);
}

} // namespace uaip
