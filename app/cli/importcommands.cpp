#include "importcommands.h"

#include "clicontext.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "differencejson.h"
#include "drift/importdowngenerator.h"
#include "foreign/importverifier.h"
#include "foreign/importwriter.h"
#include "foreign/migrationimporter.h"
#include "jsonformat.h"
#include "ledger/importformat.h"
#include "ledger/migrationsource.h"
#include "ledger/migrationversion.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace uaip {

namespace {

QJsonArray problemsJson(const QStringList &lines)
{
    QJsonArray out;
    for (const QString &p : lines)
        out.append(JsonFormat::problem(p));
    return out;
}

// Written all the same: each of kind "warning", not an error of the import.
QJsonArray warningsJson(const QStringList &lines)
{
    QJsonArray out;
    for (const QString &p : lines) {
        QJsonObject o = JsonFormat::problem(p);
        o.insert(QStringLiteral("kind"), QStringLiteral("warning"));
        out.append(o);
    }
    return out;
}

// import-migrations --since: the migrations above the version (their folder's), in order.
QList<ImportedMigration> above(const QList<ImportedMigration> &migrations,
                               const MigrationVersion &since)
{
    QList<ImportedMigration> out;
    for (const ImportedMigration &m : migrations)
        if (const auto folder = MigrationVersion::parseFolderName(m.folder);
            folder && folder->first > since)
            out << m;
    return out;
}

// Flyway's Java migrations, each written as a stub that refuses to run (FlywayJavaMigrations).
void reportJavaStubs(CliContext &ctx, const QList<ImportedMigration> &converted)
{
    QStringList stubs;
    for (const ImportedMigration &m : converted)
        if (!m.javaClass.isEmpty())
            stubs << m.folder + QStringLiteral("  ") + m.javaClass;
    if (!stubs.isEmpty())
        //: %1 the folders and their classes, one a line
        ctx.out().line(ImportCommands::tr("convert by hand: %n Flyway Java migration(s), each a "
                                          "folder whose up.sql and down.sql name the class and "
                                          "refuse to run until its effect is written as SQL "
                                          "(adopt takes Flyway's row over as it is):\n  %1",
                                          nullptr, int(stubs.size()))
                           .arg(stubs.join(QStringLiteral("\n  "))));
}

} // namespace

// What import-migrations was asked: the tool, the folders and the tool's options.
struct ImportCommands::Request
{
    const ImportFormat *format = nullptr;
    QString sourceDir;
    QString outDir;
    bool force = false;
    ImportOptions options;
    // --since: only the migrations above it are written, beside what the directory holds
    std::optional<MigrationVersion> since{};
};

int ImportCommands::importMigrations(CliContext &ctx)
{
    Request request;
    if (const int e = readRequest(ctx, &request))
        return e;
    const ImportFormat *format = request.format;
    const QString &sourceDir = request.sourceDir;
    const QString &outDir = request.outDir;
    const ImportResult result = MigrationImporter::read(*format, sourceDir, request.options);
    QJsonObject doc{{QStringLiteral("command"), QStringLiteral("import-migrations")},
                    {QStringLiteral("tool"), format->id},
                    {QStringLiteral("source"), sourceDir},
                    {QStringLiteral("out"), outDir}};
    // A file that cannot be converted, or one to convert by hand: nothing is written (a set
    // with gaps would apply in another order than the tool's and break the down generation).
    if (!result.ok() || !result.byHand.isEmpty())
        return refuseUnconverted(ctx, result, sourceDir, doc);
    QList<ImportedMigration> converted = result.migrations;
    QStringList downNotes;
    if (!result.review().isEmpty())
        generateDowns(ctx, *format, &converted, &downNotes);
    // --since: every file was converted (the downs of the new ones are proved on the schema the
    // earlier ones make); only the new ones are written, into the directory the earlier import
    // wrote (each earlier one's folder there), beside its own folders
    QStringList earlier;
    if (request.since) {
        for (const ImportedMigration &m : std::as_const(converted))
            if (const auto folder = MigrationVersion::parseFolderName(m.folder);
                folder && !(folder->first > *request.since))
                earlier << m.folder;
        converted = above(converted, *request.since);
        doc.insert(QStringLiteral("since"), request.since->text());
        if (const QString why = ImportWriter::checkAdd(outDir, earlier, sourceDir); !why.isEmpty())
            return ctx.fail(2,
                            Error(ErrorCode::Refused, tr("nothing was written: %1").arg(why),
                                  {{QStringLiteral("path"), outDir}}));
        if (converted.isEmpty()) {
            //: %1 the version given to --since, %2 the source directory
            ctx.out().line(tr("no migration above %1 in %2: nothing written")
                               .arg(request.since->text(), sourceDir));
            doc.insert(QStringLiteral("migrations"), QJsonArray());
            doc.insert(QStringLiteral("ok"), true);
            ctx.out().document(doc);
            return 0;
        }
    }
    bool changed = false;
    const QString error = request.since
        ? ImportWriter::add(converted, outDir, earlier, sourceDir, &changed)
        : ImportWriter::write(converted, outDir, request.force, sourceDir);
    // (only add() can fail after moving folders in: then its message says what is there)
    if (!error.isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::Io,
                              changed ? error : tr("nothing was written: %1").arg(error),
                              {{QStringLiteral("path"), outDir}}));

    reportWritten(ctx, request, result, converted, downNotes, &doc);

    int exitCode = 0;
    if (ctx.parser().isSet(QStringLiteral("verify"))) {
        exitCode = verify(ctx, outDir, &doc);
        if (exitCode == 2)
            return exitCode;
    }
    doc.insert(QStringLiteral("ok"), exitCode == 0);
    ctx.out().document(doc);
    return exitCode;
}

int ImportCommands::readRequest(CliContext &ctx, Request *request)
{
    const QString usage = tr("usage: uaip-migrate import-migrations --from %1 SRC --out DIR "
                             "[--force] [--verify [--table NAME]] [--placeholder NAME=VALUE]... "
                             "[--exclude GLOB]... [--java DIR]... [--since VERSION] "
                             "[--max-blocking-rows N|off]")
                              .arg(ImportFormat::ids());
    const QString from = ctx.parser().value(QStringLiteral("from"));
    const QString outDir = ctx.parser().value(QStringLiteral("out"));
    if (ctx.args().size() != 1 || from.isEmpty() || outDir.isEmpty())
        return ctx.fail(2, Error(ErrorCode::BadInput, usage));
    const ImportFormat *format = ImportFormat::find(from);
    if (!format)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--from %1: not a tool whose files can be imported (%2)")
                                  .arg(from, ImportFormat::ids()),
                              {{QStringLiteral("option"), QStringLiteral("from")}}));
    const QString sourceDir = ctx.args().first();
    const bool force = ctx.parser().isSet(QStringLiteral("force"));
    std::optional<MigrationVersion> since;
    if (ctx.parser().isSet(QStringLiteral("since"))) {
        const QString text = ctx.parser().value(QStringLiteral("since"));
        const auto parsed = MigrationVersion::parse(text);
        if (!parsed || force)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  !parsed ? tr("--since \"%1\": not a version (%2)")
                                                .arg(text, parsed.error().text())
                                          : tr("--since adds folders and replaces none: not "
                                               "with --force"),
                                  {{QStringLiteral("option"), QStringLiteral("since")}}));
        since = *parsed;
    }
    // (--since: the earlier import's folders are checked again once the files are converted)
    if (const QString why = since ? ImportWriter::checkAdd(outDir, {}, sourceDir)
                                  : ImportWriter::check(outDir, force, sourceDir);
        !why.isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::Refused, tr("nothing was written: %1").arg(why),
                              {{QStringLiteral("path"), outDir}}));
    ImportOptions options;
    options.table = ctx.parser().value(QStringLiteral("table"));
    options.exclude = ctx.parser().values(QStringLiteral("exclude"));
    for (const QString &glob : std::as_const(options.exclude))
        if (glob.isEmpty()
            || !QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob)).isValid())
            return ctx.fail(
                2,
                Error(ErrorCode::BadInput,
                      tr("--exclude \"%1\": not a pattern (a name with * ? [...])").arg(glob),
                      {{QStringLiteral("option"), QStringLiteral("exclude")}}));
    // replacing an earlier import (checked above): its repeatables' folders are kept
    if (force && QFileInfo::exists(QDir(outDir).filePath(QLatin1String(ImportWriter::kMarker))))
        options.previousOut = outDir;
    for (const QString &p : ctx.parser().values(QStringLiteral("placeholder"))) {
        const qsizetype eq = p.indexOf(u'=');
        if (eq <= 0)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--placeholder \"%1\": not NAME=VALUE").arg(p),
                                  {{QStringLiteral("option"), QStringLiteral("placeholder")}}));
        if (format->id != QLatin1String("flyway"))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--placeholder applies to --from flyway only"),
                                  {{QStringLiteral("option"), QStringLiteral("placeholder")}}));
        options.placeholders.insert(p.left(eq).toLower(), p.mid(eq + 1));
    }
    options.javaDirs = ctx.parser().values(QStringLiteral("java"));
    if (!options.javaDirs.isEmpty() && format->id != QLatin1String("flyway"))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--java applies to --from flyway only"),
                              {{QStringLiteral("option"), QStringLiteral("java")}}));
    *request = {format, sourceDir, outDir, force, options, since};
    return 0;
}

int ImportCommands::refuseUnconverted(CliContext &ctx, const ImportResult &result,
                                      const QString &sourceDir, QJsonObject doc)
{
    QStringList lines;
    if (!result.ok())
        lines << tr("nothing was written: %n file(s) of %1 cannot be converted", nullptr,
                    int(result.problems.size()))
                     .arg(sourceDir);
    if (!result.byHand.isEmpty())
        lines << tr("nothing was written: %n place(s) in %1 to convert by hand", nullptr,
                    int(result.byHand.size()))
                     .arg(sourceDir);
    const QString message = lines.join(u'\n');
    if (ctx.out().json()) {
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("exit_code"), 3);
        doc.insert(QStringLiteral("message"), message);
        doc.insert(QStringLiteral("code"), errorCodeName(ErrorCode::BadInput));
        doc.insert(QStringLiteral("args"), QJsonObject{{QStringLiteral("path"), sourceDir}});
        doc.insert(QStringLiteral("problems"), problemsJson(result.problems));
        doc.insert(QStringLiteral("by_hand"), problemsJson(result.byHand));
        ctx.out().document(doc);
        return 3;
    }
    QStringList all = result.problems;
    if (!result.byHand.isEmpty())
        all << tr("convert by hand:") << result.byHand;
    ctx.out().error(message + QStringLiteral("\n  ") + all.join(QStringLiteral("\n  ")));
    return 3;
}

// A tool that kept no down script: down.sql written from the schema difference (on the
// sandbox), or, where that cannot be proved, one that refuses to run.
void ImportCommands::generateDowns(CliContext &ctx, const ImportFormat &format,
                                   QList<ImportedMigration> *converted, QStringList *downNotes)
{
    ctx.out().progress(tr("writing the missing down.sql files from the schema difference "
                          "on a sandbox database"));
    // Against the database the set runs on (--db or --sandbox), big tables get online forms,
    // and the downs are proved on that database's major version.
    ImportDownGenerator::LiveSizes live;
    if (ctx.parser().isSet(QStringLiteral("db")) || ctx.parser().isSet(QStringLiteral("sandbox"))) {
        live.target = ctx.connect();
        live.maxRows = ctx.runnerOptions().maxBlockingRows;
        if (!live.target)
            *downNotes << tr("down.sql files written as generated: the database named for their "
                             "live table sizes cannot be reached");
    }
    Sandbox sandbox = ctx.sandboxFor(live.target ? live.target->serverVersion() : 0);
    if (const Status generated
        = ImportDownGenerator::generate(sandbox, format.displayName, *converted, downNotes, live);
        !generated)
        *downNotes << tr("no down.sql generated (the sandbox cannot be used: %1)")
                          .arg(generated.error().toString());
}

void ImportCommands::reportWritten(CliContext &ctx, const Request &request,
                                   const ImportResult &result,
                                   const QList<ImportedMigration> &converted,
                                   const QStringList &downNotes, QJsonObject *doc)
{
    const ImportFormat *format = request.format;
    QJsonArray migrations;
    QStringList fromSchema, runsNothing, keptNoOp, refusing;
    for (const ImportedMigration &m : converted) {
        migrations.append(
            QJsonObject{{QStringLiteral("folder"), m.folder},
                        {QStringLiteral("source"), m.source},
                        {QStringLiteral("no_transaction"), m.noTransaction},
                        {QStringLiteral("own_transaction_removed"), m.ownTransactionRemoved},
                        {QStringLiteral("down_generated"), m.downGenerated},
                        {QStringLiteral("down_from_schema"), m.downFromSchema},
                        {QStringLiteral("down_runs_nothing"), m.downRunsNothing},
                        {QStringLiteral("down_kept_no_op"), m.downKeptNoOp},
                        {QStringLiteral("kept"), m.kept},
                        {QStringLiteral("java_class"), JsonFormat::orNull(m.javaClass)}});
        if (m.downKeptNoOp)
            keptNoOp << m.folder;
        else if (m.downRunsNothing)
            runsNothing << m.folder;
        else if (m.downFromSchema)
            fromSchema << m.folder;
        else if (m.downGenerated)
            refusing << m.folder;
        ctx.out().line(
            QStringLiteral("  %1  <- %2%3%4")
                .arg(m.folder, m.source,
                     m.noTransaction ? QStringLiteral("  ") + tr("(no transaction)") : QString(),
                     m.ownTransactionRemoved
                         ? QStringLiteral("  ") + tr("(its own BEGIN/COMMIT removed)")
                         : QString())
            + (m.kept ? QStringLiteral("  ") + tr("(kept from the earlier import)") : QString()));
    }
    ctx.out().line(tr("wrote %n migration(s) from %1 into %2", nullptr, int(converted.size()))
                       .arg(format->displayName, request.outDir));
    if (!result.excluded.isEmpty())
        ctx.out().line(
            tr("left out with --exclude: %1").arg(result.excluded.join(QStringLiteral(", "))));
    const QStringList review = result.review();
    if (!fromSchema.isEmpty())
        ctx.out().line(tr("review: %n down.sql file(s) written from the schema difference and "
                          "proved by a round trip (the %1 migration had no down):\n  %2",
                          nullptr, int(fromSchema.size()))
                           .arg(format->displayName, fromSchema.join(QStringLiteral("\n  "))));
    if (!runsNothing.isEmpty())
        ctx.out().line(tr("no down needed, data not restored: %n down.sql file(s) run nothing "
                          "(the up.sql changes no schema, or only what is held back for review; "
                          "rows it wrote stay):\n  %1",
                          nullptr, int(runsNothing.size()))
                           .arg(runsNothing.join(QStringLiteral("\n  "))));
    if (!keptNoOp.isEmpty())
        ctx.out().line(tr("no down needed, kept from the project: %n down file(s) with only "
                          "comments, the project's own no-op (SELECT 1; added so that it runs):"
                          "\n  %1",
                          nullptr, int(keptNoOp.size()))
                           .arg(keptNoOp.join(QStringLiteral("\n  "))));
    if (!refusing.isEmpty())
        ctx.out().line(tr("review: %n down.sql file(s) refuse to run (the %1 migration had no "
                          "down):\n  %2",
                          nullptr, int(refusing.size()))
                           .arg(format->displayName, refusing.join(QStringLiteral("\n  "))));
    reportJavaStubs(ctx, converted);
    for (const QString &note : downNotes)
        ctx.out().line(QStringLiteral("  ") + note);
    if (!result.warnings.isEmpty())
        ctx.out().line(tr("warning: %n down file(s) of the project do not parse (written "
                          "unchanged; rolling back those migrations fails until they are "
                          "fixed):\n  %1",
                          nullptr, int(result.warnings.size()))
                           .arg(result.warnings.join(QStringLiteral("\n  "))));
    doc->insert(QStringLiteral("migrations"), migrations);
    doc->insert(QStringLiteral("review"), QJsonArray::fromStringList(review));
    doc->insert(QStringLiteral("excluded"), QJsonArray::fromStringList(result.excluded));
    doc->insert(QStringLiteral("down_notes"), QJsonArray::fromStringList(downNotes));
    doc->insert(QStringLiteral("warnings"), warningsJson(result.warnings));
}

int ImportCommands::verify(CliContext &ctx, const QString &outDir, QJsonObject *doc)
{
    MigrationSource written;
    if (!written.load(outDir))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("the converted migrations in %1 do not load:\n  %2")
                                  .arg(outDir, written.errors().join(QStringLiteral("\n  "))),
                              {{QStringLiteral("path"), outDir}}));
    PgConnection *source = ctx.connect();
    if (!source)
        return 2;
    Sandbox sandbox = ctx.sandboxFor(source->serverVersion());
    const auto differences = ImportVerifier::verify(sandbox, written.migrations(), *source,
                                                    ctx.parser().value(QStringLiteral("table")));
    if (!differences)
        return ctx.fail(2, Error(differences.error()).in(tr("verify could not run")));
    ctx.out().line(tr("verify: the converted migrations on a sandbox database against %1: "
                      "%2")
                       .arg(ctx.describeTarget(),
                            differences->isEmpty()
                                ? tr("the same schema")
                                : tr("%n difference(s)", nullptr, int(differences->size()))));
    for (const auto &d : *differences)
        ctx.out().line(d.describe(QStringLiteral("    ")));
    doc->insert(QStringLiteral("verify_differences"), DifferenceJson::of(*differences));
    return differences->isEmpty() ? 0 : 3;
}

} // namespace uaip
