#include "indexmigrationbuilder.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "insights/insightsreading.h"
#include "ledger/migrationscaffold.h"
#include "migrate/generatedfolder.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"
#include "schema/schemasnapshot.h"
#include "sqlparse/sqlsplitter.h"
#include "util/sqlcomment.h"

#include <QTemporaryDir>

namespace uaip {

namespace {

QString describeAll(const QList<SchemaSnapshot::Difference> &diffs)
{
    QStringList lines;
    for (const auto &d : diffs)
        lines << QStringLiteral("  ") + d.headline();
    return lines.isEmpty() ? IndexMigrationBuilder::tr("  (no difference)") : lines.join(u'\n');
}

QString qualified(const IndexAction &a, const QString &name)
{
    return SqlComment::text(a.schema + u'.' + name);
}

// The statements of a generated file must be those intended, in order: no text in a comment
// (a name, the evidence) can have become one.
Status onlyIntended(const QByteArray &file, const QString &intended, const char *what)
{
    const SqlSplitResult inFile = SqlSplitter::split(file);
    const SqlSplitResult meant = SqlSplitter::split(intended.toUtf8());
    bool same = inFile.ok() && meant.ok() && inFile.statements.size() == meant.statements.size();
    for (qsizetype i = 0; same && i < inFile.statements.size(); ++i)
        same = inFile.statements[i].text == meant.statements[i].text;
    if (!same)
        return Error(ErrorCode::Internal,
                     IndexMigrationBuilder::tr("the generated %1 holds other statements than the "
                                               "one intended, so it is neither run nor written")
                         .arg(QLatin1String(what)),
                     {{QStringLiteral("file"), QLatin1String(what)}});
    return {};
}

// The migrations up to level (none without one).
QList<Migration> upTo(const QList<Migration> &migrations,
                      const std::optional<MigrationVersion> &level)
{
    QList<Migration> out;
    for (const Migration &m : migrations)
        if (level && m.version <= *level)
            out << m;
    return out;
}

} // namespace

IndexMigrationBuilder::IndexMigrationBuilder(Sandbox &sandbox, const QList<Migration> &migrations,
                                             QObject *parent)
    : QObject(parent)
    , m_sandbox(sandbox)
    , m_migrations(migrations)
{ }

IndexMigrationBuilder::~IndexMigrationBuilder()
{
    dropScratch();
}

QString IndexMigrationBuilder::dropScratch()
{
    const QString name = m_scratch ? m_scratch->name() : QString();
    m_keptAs.clear();
    // a sandbox that keeps running finishes the drop (and its checkpoint) on its own; one the
    // lease started stops right after, so the drop is waited for before
    if (m_scratch && m_lease && !m_lease->startedIt())
        m_scratch->setDropInBackground(true);
    if (m_scratch) {
        m_scratch->drop();
        m_keptAs = m_scratch->keptAs();
    }
    m_scratch.reset();
    m_lease.reset();
    return name;
}

Status IndexMigrationBuilder::notCancelled() const
{
    if (m_cancelled)
        return Error(ErrorCode::Cancelled, tr("cancelled"));
    return {};
}

Result<IndexMigration> IndexMigrationBuilder::build(PgConnection &target, const IndexAction &action,
                                                    const QString &name, const QDateTime &nowUtc)
{
    if (Status named = MigrationScaffold::checkName(name); !named)
        return named.error();
    if (Status going = notCancelled(); !going)
        return going.error();
    if (action.statement.isEmpty()
        || (action.kind != IndexAction::Kind::Rebuild && action.down.isEmpty()))
        return Error(ErrorCode::Refused,
                     tr("the index %1 has no statement that undoes the action (its definition "
                        "cannot be written in its CONCURRENTLY form): %2")
                         .arg(qualified(action, action.index), SqlComment::text(action.definition)),
                     {{QStringLiteral("name"), action.index}});
    if (Status counted = longEnoughUnused(action, nowUtc); !counted)
        return counted.error();
    IndexMigration m;
    m.action = action;
    const auto level = GeneratedFolder::liveLevel(target, m_migrations,
                                                  tr("an index migration can become the next one"));
    if (!level)
        return level.error();
    if (Status holds = holdsOnLive(target, action); !holds)
        return holds.error();
    m.targetLevel = *level ? (*level)->text() : QString();
    const QString version = MigrationScaffold::nextVersion(m_migrations, nowUtc);
    // said before the proof, which would fail on the order
    if (Status last = MigrationScaffold::comesLast(version, m_migrations); !last)
        return last.error();
    m.folderName = version + u'_' + name;
    if (Status rendered = render(m, target.database(), nowUtc); !rendered)
        return rendered.error();
    if (Status going = notCancelled(); !going)
        return going.error();

    emit progress(tr("applying the migrations on a sandbox database"));
    dropScratch();
    m_lease = std::make_unique<SandboxLease>(m_sandbox);
    if (Status acquired = m_lease->acquire(); !acquired)
        return acquired.error();
    m_scratch = std::make_unique<ScratchDatabase>(m_sandbox, QStringLiteral("uaip_index"));
    ScratchDatabase &scratch = *m_scratch;
    // the database a proof over the same migrations kept, else one they are applied to afresh
    const QString key = ScratchDatabase::keyOf(upTo(m_migrations, *level));
    if (Status opened = scratch.open(m_migrations, key); !opened)
        return opened.error();
    if (*level) {
        const RunResult up = scratch.runner().up(*level);
        if (!up.ok())
            return Error(ErrorCode::Server,
                         tr("the migrations fail on a fresh sandbox database: %1").arg(up.message));
    }
    if (Status going = notCancelled(); !going)
        return going.error();
    const Result<QString> object = appliesToMigrations(scratch, m);
    if (!object)
        return object.error();
    if (Status kept = keptByMigrations(scratch, m); !kept)
        return kept.error();
    QTemporaryDir dir;
    const auto withNew
        = GeneratedFolder::withProofCopy(dir, m_migrations, m.folderName, m.upSql, m.downSql);
    if (!withNew)
        return withNew.error();
    if (Status going = notCancelled(); !going)
        return going.error();
    emit progress(tr("proving up.sql and down.sql on the sandbox"));
    if (Status proved = prove(scratch, m, *withNew, *object); !proved)
        return proved.error();
    // down.sql restored the schema the migrations make: the next proof starts from it
    scratch.keepFor(key);
    // the live database again: an index dropped or changed while the proof ran
    if (Status holds = holdsOnLive(target, action); !holds)
        return holds.error();
    return m;
}

Result<std::optional<IndexMigrationBuilder::IndexState>>
IndexMigrationBuilder::indexState(PgConnection &connection, const QString &schema,
                                  const QString &name)
{
    Transaction tx(connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const PgResult r
        = connection.exec(SqlResource::of("indexadvice", "index_state"), {schema, name});
    tx.end();
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return std::optional<IndexState>();
    return std::optional<IndexState>(
        IndexState{r.value(0, "table_name"), r.value(0, "valid") == u"t", r.value(0, "definition"),
                   r.value(0, "snapshot_object")});
}

Status IndexMigrationBuilder::holdsOnLive(PgConnection &target, const IndexAction &action)
{
    const auto live = indexState(target, action.schema, action.index);
    if (!live)
        return live.error();
    const QString name = qualified(action, action.index);
    const QVariantMap args{{QStringLiteral("name"), action.index}};
    if (action.kind == IndexAction::Kind::Create && live.value())
        return Error(ErrorCode::Conflict,
                     tr("%1 exists on the live database already: read the advice again").arg(name),
                     args);
    bool keptHolds = true;
    if (!action.kept.isEmpty()) {
        const auto kept = indexState(target, action.schema, action.kept);
        if (!kept)
            return kept.error();
        keptHolds = kept.value() && kept.value()->valid
            && kept.value()->definition == action.keptDefinition;
    }
    if (action.kind != IndexAction::Kind::Create
        && (!live.value() || live.value()->definition != action.definition || !keptHolds))
        return Error(ErrorCode::Conflict,
                     tr("%1 is no longer on the live database as the finding saw it: read the "
                        "findings again")
                         .arg(name),
                     args);
    return {};
}

Status IndexMigrationBuilder::render(IndexMigration &m, const QString &database,
                                     const QDateTime &nowUtc)
{
    const IndexAction &a = m.action;
    QStringList up{QStringLiteral("-- uaip:no-transaction")};
    up << SqlComment::line(tr("%1: written by uaip-migrate insights from database %2 on %3.")
                               .arg(m.folderName, SqlComment::text(database),
                                    nowUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    up << SqlComment::line(SqlComment::text(a.evidence));
    for (const QString &detail : a.details)
        up << SqlComment::line(SqlComment::text(detail));
    up << SqlComment::line(a.kind == IndexAction::Kind::Rebuild
                               ? tr("Proved on a sandbox before it was written: the index is "
                                    "rebuilt valid, with the same definition.")
                               : tr("Proved on a sandbox before it was written: the schema "
                                    "differs by this index alone, and down.sql restores it."));
    up << a.statement;
    QStringList down{QStringLiteral("-- uaip:no-transaction")};
    QString downStatement = a.down;
    if (a.kind == IndexAction::Kind::Rebuild) {
        down.removeFirst();
        down << SqlComment::line(tr("%1: a rebuilt index keeps its definition, so rolling back "
                                    "has nothing to undo.")
                                     .arg(m.folderName));
        downStatement = QStringLiteral("SELECT 1;");
    } else {
        down << SqlComment::line(tr("%1: undoes up.sql").arg(m.folderName));
    }
    down << downStatement;
    m.upSql = (up.join(u'\n') + u'\n').toUtf8();
    m.downSql = (down.join(u'\n') + u'\n').toUtf8();
    if (Status intended = onlyIntended(m.upSql, a.statement, "up.sql"); !intended)
        return intended;
    return onlyIntended(m.downSql, downStatement, "down.sql");
}

Result<QString> IndexMigrationBuilder::appliesToMigrations(ScratchDatabase &scratch,
                                                           const IndexMigration &m)
{
    const IndexAction &a = m.action;
    const QString level = m.targetLevel.isEmpty() ? tr("none") : m.targetLevel;
    const auto state = indexState(scratch.connection(), a.schema, a.index);
    if (!state)
        return state.error();
    const QVariantMap args{{QStringLiteral("name"), a.index},
                           {QStringLiteral("version"), m.targetLevel}};
    if (a.kind == IndexAction::Kind::Create) {
        const PgResult table = scratch.connection().exec(
            SqlResource::of("indexadvice", "relation_kind"), {a.schema, a.table});
        if (!table.ok() || table.rows() == 0)
            return Error(
                ErrorCode::Refused,
                tr("the migrations (up to version %1) do not make the table %2: it is "
                   "drift of the live database. Bring it into the migrations first "
                   "(uaip-migrate diff), or run the statement by hand")
                    .arg(level, qualified(a, a.table)),
                {{QStringLiteral("table"), a.table}, {QStringLiteral("version"), m.targetLevel}});
        if (state.value())
            return Error(ErrorCode::Conflict,
                         tr("the migrations (up to version %1) make an index named %2 already")
                             .arg(level, qualified(a, a.index)),
                         args);
        return QString();
    }
    if (!state.value())
        return Error(ErrorCode::Refused,
                     tr("the migrations (up to version %1) do not make the index %2: it is drift "
                        "of the live database, and a fresh database made from the migrations "
                        "would not have it. Drop it by hand, or bring it into the migrations "
                        "first (uaip-migrate diff)")
                         .arg(level, qualified(a, a.index)),
                     args);
    if (state.value()->definition != a.definition)
        return Error(ErrorCode::Conflict,
                     tr("the migrations (up to version %1) make %2 differently from the live "
                        "database:\n  migrations: %3\n  live:       %4")
                         .arg(level, qualified(a, a.index),
                              SqlComment::text(state.value()->definition),
                              SqlComment::text(a.definition)),
                     args);
    return state.value()->snapshotObject;
}

Status IndexMigrationBuilder::longEnoughUnused(const IndexAction &action, const QDateTime &nowUtc)
{
    if (action.unusedSince.isEmpty())
        return {};
    const QDateTime since = QDateTime::fromString(action.unusedSince, Qt::ISODate);
    if (since.isValid() && since.daysTo(nowUtc) >= IndexAction::kMinObservationDays)
        return {};
    return Error(
        ErrorCode::Refused,
        tr("the scans of %1 have been counted only since %2 (the latest of the "
           "statistics' reset, the server's start and its last crash recovery: each resets "
           "the counts); an index used once a week would look unused. Wait until they have "
           "been counted for %n day(s), or drop it by hand",
           nullptr, IndexAction::kMinObservationDays)
            .arg(qualified(action, action.index), action.unusedSince),
        {{QStringLiteral("name"), action.index}, {QStringLiteral("since"), action.unusedSince}});
}

Status IndexMigrationBuilder::keptByMigrations(ScratchDatabase &scratch, const IndexMigration &m)
{
    const IndexAction &a = m.action;
    if (a.kept.isEmpty())
        return {};
    const auto state = indexState(scratch.connection(), a.schema, a.kept);
    if (!state)
        return state.error();
    if (state.value() && state.value()->definition == a.keptDefinition)
        return {};
    return Error(
        ErrorCode::Refused,
        tr("%1 would be dropped because %2 serves the same lookups, but the migrations (up "
           "to version %3) do not make %2 as the live database has it: a database made from "
           "them would be left with neither. Bring %2 into the migrations first "
           "(uaip-migrate diff), or drop %1 by hand")
            .arg(qualified(a, a.index), qualified(a, a.kept),
                 m.targetLevel.isEmpty() ? tr("none") : m.targetLevel),
        {{QStringLiteral("name"), a.kept}, {QStringLiteral("version"), m.targetLevel}});
}

Status IndexMigrationBuilder::prove(ScratchDatabase &scratch, IndexMigration &m,
                                    const QList<Migration> &withNew, QString object)
{
    const auto before = SchemaSnapshot::take(scratch.connection());
    if (!before)
        return before.error();
    scratch.setMigrations(withNew);
    const RunResult up = scratch.runner().up(withNew.constLast().version);
    if (!up.ok())
        return Error(ErrorCode::Server,
                     tr("up.sql fails on the sandbox: %1\n\n%2")
                         .arg(up.message, QString::fromUtf8(m.upSql)));
    const auto state = indexState(scratch.connection(), m.action.schema, m.action.index);
    if (!state)
        return state.error();
    const auto afterUp = SchemaSnapshot::take(scratch.connection());
    if (!afterUp)
        return afterUp.error();
    const bool created = m.action.kind == IndexAction::Kind::Create;
    if (created && state.value())
        object = state.value()->snapshotObject;
    const auto changed = before->diff(*afterUp);
    using Kind = SchemaSnapshot::Difference::Kind;
    const bool asMeant = m.action.kind == IndexAction::Kind::Rebuild
        ? changed.isEmpty() && state.value() && state.value()->valid
        : changed.size() == 1 && changed.first().object == object
            && changed.first().kind == (created ? Kind::Added : Kind::Removed)
            && (!created || state.value()->valid);
    if (!asMeant)
        return Error(ErrorCode::Internal,
                     tr("after up.sql the sandbox's schema is not the one before with the index %1 "
                        "%2:\n%3")
                         .arg(qualified(m.action, m.action.index), m.action.kindName(),
                              describeAll(changed)));
    const RunResult down = scratch.runner().down(DownTarget{DownTarget::Kind::Steps, 1, {}});
    if (!down.ok())
        return Error(ErrorCode::Server, tr("down.sql fails on the sandbox: %1").arg(down.message));
    const auto afterDown = SchemaSnapshot::take(scratch.connection());
    if (!afterDown)
        return afterDown.error();
    const auto notRestored = before->diff(*afterDown);
    if (!notRestored.isEmpty())
        return Error(ErrorCode::Internal,
                     tr("down.sql does not restore the schema:\n%1").arg(describeAll(notRestored)));
    m.proof = tr("on a sandbox database at version %1: up.sql changed the schema by the index "
                 "%2 alone, down.sql restored it")
                  .arg(m.targetLevel.isEmpty() ? tr("none") : m.targetLevel,
                       qualified(m.action, m.action.index));
    return {};
}

} // namespace uaip
