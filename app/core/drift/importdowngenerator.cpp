#include "importdowngenerator.h"

#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "ddlcatalog.h"
#include "drift/migrationverifier.h"
#include "foreign/importwriter.h"
#include "foreign/refusingdown.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"
#include "migrationgenerator.h"
#include "onlineformwriter.h"
#include "renameddataguard.h"
#include "util/sqlcomment.h"

#include <QTemporaryDir>

namespace uaip {

namespace {

// The converted set as folders, read back as the runner reads any.
Result<QList<Migration>> load(const QList<ImportedMigration> &migrations, QTemporaryDir &dir,
                              int round)
{
    const QString path = dir.filePath(QStringLiteral("round%1").arg(round));
    const QString written = ImportWriter::write(migrations, path, false);
    if (!written.isEmpty())
        return Error(ErrorCode::Io, written, {{QStringLiteral("path"), path}});
    MigrationSource source;
    if (!source.load(path))
        return Error(ErrorCode::BadInput, source.errors().join(QStringLiteral("; ")),
                     {{QStringLiteral("path"), path}});
    return source.migrations();
}

// Each object that differs and how, the first ten: a one-line definition as before -> after
// ("~ column public.t.c: #2 text -> #5 text": it moved), else the headline.
QString whatDiffers(const QList<SchemaSnapshot::Difference> &differences)
{
    QStringList out;
    for (const SchemaSnapshot::Difference &d : differences) {
        if (out.size() >= 10)
            break;
        const bool oneLine = d.kind == SchemaSnapshot::Difference::Kind::Changed
            && !d.before.contains(u'\n') && !d.after.contains(u'\n') && d.before.size() < 160
            && d.after.size() < 160;
        out << (oneLine ? QStringLiteral("~ %1: %2 -> %3").arg(d.object, d.before, d.after)
                        : d.headline());
    }
    if (differences.size() > out.size())
        out << QStringLiteral("…");
    return out.join(QStringLiteral("; "));
}

// A runner's message on one line: a refused plan lists its problems below its first line.
QString oneLine(const QString &message)
{
    QStringList parts;
    for (const QString &line : message.split(u'\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            parts << line.trimmed();
    return parts.join(QStringLiteral("; "));
}

} // namespace

Status ImportDownGenerator::generate(Sandbox &sandbox, const QString &toolName,
                                     QList<ImportedMigration> &migrations, QStringList *notes,
                                     const LiveSizes &live)
{
    bool missing = false;
    for (const ImportedMigration &m : migrations)
        missing = missing || m.downGenerated;
    if (!missing)
        return {};
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error(ErrorCode::Io, tr("cannot create a temporary folder"));
    const auto loaded = load(migrations, dir, 1);
    if (!loaded)
        return loaded.error();
    SandboxLease lease(sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired;
    if (Status made = downsFromSchema(sandbox, toolName, *loaded, migrations, notes, live); !made)
        return made;
    // Proved as verify proves any down.sql: up, down, the schema as before, up again.
    const auto proved = load(migrations, dir, 2);
    if (!proved)
        return proved.error();
    MigrationVerifier verifier(sandbox, *proved);
    const auto report = verifier.verify(nullptr);
    if (!report)
        return report.error();
    keepRefusingWhereRoundTripFails(toolName, *report, migrations, notes);
    // The scratch folders' paths are no part of a reason: the same files from the same input
    for (const QString &round :
         {dir.filePath(QStringLiteral("round1/")), dir.filePath(QStringLiteral("round2/"))}) {
        for (QString &n : *notes)
            n.replace(round, QString());
        for (ImportedMigration &m : migrations)
            if (m.downGenerated && !m.downFromSchema)
                m.downSql.replace(round.toUtf8(), QByteArray());
    }
    return {};
}

Status ImportDownGenerator::downsFromSchema(Sandbox &sandbox, const QString &toolName,
                                            const QList<Migration> &loaded,
                                            QList<ImportedMigration> &migrations,
                                            QStringList *notes, const LiveSizes &live)
{
    ScratchDatabase scratch(sandbox, QStringLiteral("uaip_import"));
    if (Status opened = scratch.open(loaded); !opened)
        return opened;
    auto before = DdlCatalog::take(scratch.connection());
    if (!before)
        return before.error();
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        ImportedMigration &m = migrations[i];
        const RunResult up = scratch.runner().up(loaded[i].version);
        if (!up.ok()) {
            const QString failure = oneLine(up.message);
            for (qsizetype j = i; j < migrations.size(); ++j) {
                ImportedMigration &later = migrations[j];
                if (!later.downGenerated)
                    continue;
                const QString why = tr("%1's up.sql fails on an empty database (%2)")
                                        .arg(migrations[i].folder, failure);
                *notes << tr("%1: no down.sql generated: %2").arg(later.folder, why);
                later.downSql = RefusingDown::sql(toolName, later.source, why);
            }
            break;
        }
        auto after = DdlCatalog::take(scratch.connection());
        if (!after)
            return after.error();
        if (m.downGenerated)
            writeDown(toolName, *after, *before, live, m, notes);
        before = std::move(after);
    }
    return {};
}

void ImportDownGenerator::writeDown(const QString &toolName, const DdlCatalog &after,
                                    const DdlCatalog &before, const LiveSizes &live,
                                    ImportedMigration &m, QStringList *notes)
{
    GeneratedScript down = MigrationGenerator::down(after, before, {});
    if (live.target) {
        const Result<int> online
            = OnlineFormWriter::rewriteOnLive(*live.target, live.maxRows, {&down});
        if (!online) {
            const QString why = tr("%1: down.sql written as generated: the live sizes of its "
                                   "tables cannot be read (%2)")
                                    .arg(m.folder, SqlComment::text(online.error().toString()));
            *notes << why;
            down.notes << GeneratorNote{GeneratorNote::Kind::Blocking, QString(), why};
        } else if (online.value() > 0)
            *notes << tr("%1: %n statement(s) of down.sql in the online form: the target's "
                         "tables are big, so the file runs without a transaction",
                         nullptr, online.value())
                          .arg(m.folder);
    }
    m.downSql = down.render(tr("REVIEW: written by uaip-migrate import-migrations "
                               "from the schema difference\n"
                               "%1's up.sql makes (%2 kept no down migration). "
                               "Data the up.sql\n"
                               "wrote is not removed. Check it, then remove this "
                               "header.")
                                .arg(SqlComment::text(m.source), SqlComment::text(toolName)))
                    .toUtf8();
    // Only the steps' own statements may run in the round trip below.
    if (const auto stray = down.strayStatement(m.downSql)) {
        const QString why = tr("it held a statement that is not one of its steps (%1)").arg(*stray);
        *notes << tr("%1: no down.sql generated: %2").arg(m.folder, why);
        m.downSql = RefusingDown::sql(toolName, m.source, why, QString::fromUtf8(m.downSql));
    } else if (const auto loss = RenamedDataGuard::refusal(m.upSql, down.liveSql().toUtf8())) {
        *notes << tr("%1: no down.sql generated: %2").arg(m.folder, *loss);
        m.downSql = RefusingDown::sql(toolName, m.source, *loss, QString::fromUtf8(m.downSql));
    } else {
        m.downFromSchema = true;
        m.downRunsNothing = down.steps.size() == down.heldBackCount();
    }
}

void ImportDownGenerator::keepRefusingWhereRoundTripFails(const QString &toolName,
                                                          const VerifyReport &report,
                                                          QList<ImportedMigration> &migrations,
                                                          QStringList *notes)
{
    for (const VerifyReport::RoundTrip &trip : report.roundTrips) {
        if (trip.ok)
            continue;
        for (ImportedMigration &m : migrations) {
            if (m.folder != trip.migration || !m.downFromSchema)
                continue;
            // What differed names the object and the property; an error (up.sql failing
            // again) follows from it, with its SQLSTATE.
            const QString why = !trip.differences.isEmpty()
                ? tr("the schema was not restored: %1").arg(whatDiffers(trip.differences))
                : trip.error.section(u'\n', 0, 0);
            *notes << tr("%1: the generated down.sql did not pass its round trip (%2), so it "
                         "refuses to run")
                          .arg(m.folder, SqlComment::text(why));
            m.downSql = RefusingDown::sql(
                toolName, m.source,
                tr("the generated down.sql did not pass its round trip: %1").arg(why),
                QString::fromUtf8(m.downSql));
            m.downFromSchema = false;
            m.downRunsNothing = false;
        }
    }
}

} // namespace uaip
