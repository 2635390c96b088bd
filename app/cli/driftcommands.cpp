#include "driftcommands.h"

#include "clicontext.h"
#include "db/sandbox.h"
#include "differencejson.h"
#include "drift/driftmigrationbuilder.h"
#include "interruptwatch.h"
#include "util/sqlcomment.h"
#include "util/visibletext.h"

#include <QJsonArray>

namespace uaip {

namespace {

QJsonArray notesJson(const QList<GeneratorNote> &notes)
{
    QJsonArray out;
    for (const GeneratorNote &n : notes)
        out.append(QJsonObject{{QStringLiteral("kind"), n.kindText()},
                               {QStringLiteral("object"), n.object},
                               {QStringLiteral("message"), n.message}});
    return out;
}

// The drift and what was generated for it, with every review note of both files.
void printGenerated(CliContext &ctx, const DriftMigration &generated)
{
    ctx.out().line(DriftCommands::tr("drift of %1 from the migrations: %n difference(s)", nullptr,
                                     int(generated.drift.size()))
                       .arg(ctx.describeTarget()));
    for (const auto &d : generated.drift)
        ctx.out().line(d.describe(QStringLiteral("    ")));
    ctx.out().line(DriftCommands::tr("generated %1: up.sql %2 step(s) (%3 held back), down.sql %4 "
                                     "step(s); proved on a sandbox database")
                       .arg(generated.folderName)
                       .arg(generated.up.steps.size())
                       .arg(generated.up.heldBackCount())
                       .arg(generated.down.steps.size()));
    for (const GeneratorNote &n : generated.up.notes)
        ctx.out().line(DriftCommands::tr("  review: %1").arg(SqlComment::text(n.message)));
    for (const GeneratorNote &n : generated.down.notes)
        ctx.out().line(
            DriftCommands::tr("  review (down.sql): %1").arg(SqlComment::text(n.message)));
}

// The generated pair in diff's --json document.
void insertGenerated(QJsonObject &doc, const DriftMigration &generated)
{
    doc.insert(QStringLiteral("migration"), generated.folderName);
    doc.insert(QStringLiteral("up_sql"), QString::fromUtf8(generated.upSql));
    doc.insert(QStringLiteral("down_sql"), QString::fromUtf8(generated.downSql));
    doc.insert(QStringLiteral("held_back"), generated.up.heldBackCount());
    doc.insert(QStringLiteral("no_transaction"), generated.up.noTransaction);
    doc.insert(QStringLiteral("notes"), notesJson(generated.up.notes));
    doc.insert(QStringLiteral("down_no_transaction"), generated.down.noTransaction);
    doc.insert(QStringLiteral("down_notes"), notesJson(generated.down.notes));
    doc.insert(QStringLiteral("left_after_up"), DifferenceJson::of(generated.leftAfterUp));
}

} // namespace

int DriftCommands::diff(CliContext &ctx)
{
    const QString name = ctx.parser().value(QStringLiteral("name"));
    if (name.isEmpty() || !ctx.args().isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate --dir PATH diff --name NAME [--dry-run] "
                                 "[--max-blocking-rows N|off] [--table NAME]")));
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    if (!dryRun && !ctx.parser().isSet(QStringLiteral("dir")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("diff needs --dir PATH to write the migration to (the bundled "
                                 "migrations are read-only); --dry-run only prints it"),
                              {{QStringLiteral("option"), QStringLiteral("dir")}}));
    const auto [source, target] = ctx.sourceAndConnection(CliContext::SourceUse::Strict);
    if (!source || !target)
        return 2;
    Sandbox sandbox = ctx.sandboxFor(target->serverVersion());
    DriftMigrationBuilder builder(sandbox, source->migrations());
    builder.setMaxBlockingRows(ctx.runnerOptions().maxBlockingRows);
    builder.setForeignTable(ctx.parser().value(QStringLiteral("table")));
    QObject::connect(&builder, &DriftMigrationBuilder::progress,
                     [&](const QString &step) { ctx.out().progress(step); });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // SIGINT/SIGTERM: the proof stops before its next step; its scratch database is dropped
    const InterruptWatch interrupt([&builder] { builder.cancel(); });
    const auto generated = builder.build(*target, name, now);
    if (!generated)
        return ctx.fail(3, Error(generated.error()).in(tr("no migration generated")));
    QJsonObject doc{{QStringLiteral("command"), QStringLiteral("diff")},
                    {QStringLiteral("target_level"), generated->targetLevel},
                    {QStringLiteral("drift"), DifferenceJson::of(generated->drift)}};
    if (!generated->hasDrift()) {
        ctx.out().line(
            tr("no drift: %1 matches the migrations (at version %2); nothing to "
               "generate")
                .arg(ctx.describeTarget(),
                     generated->targetLevel.isEmpty() ? tr("none") : generated->targetLevel));
        doc.insert(QStringLiteral("ok"), true);
        ctx.out().document(doc);
        return 0;
    }
    printGenerated(ctx, *generated);
    QString folder;
    if (dryRun) {
        ctx.out().line(
            QStringLiteral("--- %1/up.sql\n%2--- %1/down.sql\n%3")
                .arg(generated->folderName,
                     VisibleText::escapedKeepingLines(QString::fromUtf8(generated->upSql)),
                     VisibleText::escapedKeepingLines(QString::fromUtf8(generated->downSql))));
    } else {
        const Result<QString> written
            = DriftMigrationBuilder::write(*generated, source->dir(), source->migrations(), now);
        if (!written)
            return ctx.fail(2, written.error());
        folder = written.value();
        ctx.out().line(tr("wrote %1/up.sql and %1/down.sql").arg(folder));
        ctx.out().line(tr("%1 already has this schema: record the migration as applied there "
                          "with \"uaip-migrate baseline %2\"")
                           .arg(ctx.describeTarget(), generated->folderName.section(u'_', 0, 0)));
    }
    doc.insert(QStringLiteral("ok"), true);
    doc.insert(QStringLiteral("folder"), folder);
    insertGenerated(doc, *generated);
    ctx.out().document(doc);
    return 0;
}

} // namespace uaip
