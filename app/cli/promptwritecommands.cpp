#include "promptwritecommands.h"

#include "clicontext.h"
#include "crypto/promptkeyaudit.h"
#include "promptcliformat.h"
#include "promptcliusage.h"
#include "promptkeycommands.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace uaip {

int PromptWriteCommands::exportPrompts(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e = PromptCliUsage::check(
            ctx, QStringLiteral("export"),
            {QStringLiteral("ids"), QStringLiteral("decrypt"), QStringLiteral("file")}, 0,
            QStringLiteral("export [--ids ID,...] [--decrypt] --file F")))
        return e;
    if (!p.isSet(QStringLiteral("file")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("prompts export needs --file F"),
                              {{QStringLiteral("option"), QStringLiteral("file")}}));
    QStringList ids;
    for (const QString &v : p.values(QStringLiteral("ids")))
        for (const QString &id : v.split(u',', Qt::SkipEmptyParts))
            ids << id.trimmed();
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const QString path = p.value(QStringLiteral("file"));
    const auto written = PromptExporter(*c, PromptKeyCommands::codec(*c).get())
                             .exportFile(ids, p.isSet(QStringLiteral("decrypt")), path);
    if (!written.ok()) {
        const Error &e = written.error();
        return PromptCliUsage::fail(
            ctx, Error(e.code(), tr("%1\nNo file was written.").arg(e.toString()), e.args()),
            false);
    }
    const int count = written.value();
    if (p.isSet(QStringLiteral("decrypt"))) {
        // Decrypted texts left the database: audited (the file stays if the row fails).
        const Status e = PromptKeyAudit::record(
            *c, QLatin1String(PromptKeyAudit::kDecryptedExport),
            {{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
             {QStringLiteral("prompts"), count},
             {QStringLiteral("ids"), QJsonArray::fromStringList(ids)}},
            PromptActor::current(QStringLiteral("uaip-migrate")), ctx.describeTarget());
        if (!e)
            ctx.out().error(tr("the audit_logs row of the decrypted export was not written: %1")
                                .arg(e.error().toString()));
    }
    ctx.out().line(tr("exported %n prompt(s) to %1", nullptr, count).arg(path));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts export")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("file"), path},
                        {QStringLiteral("prompts"), count}});
    return 0;
}

int PromptWriteCommands::importPrompts(CliContext &ctx)
{
    if (const int e
        = PromptCliUsage::check(ctx, QStringLiteral("import"), {QStringLiteral("dry-run")}, 1,
                                QStringLiteral("import F [--dry-run]")))
        return e;
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    PgConnection *c = ctx.connectToWrite(dryRun);
    if (!c)
        return 2;
    const auto r = PromptImporter(*c, PromptKeyCommands::codec(*c).get())
                       .importFile(ctx.args().at(1), dryRun,
                                   PromptActor::current(QStringLiteral("uaip-migrate")));
    if (!r.ok())
        return PromptCliUsage::fail(ctx, r.error());
    QJsonArray items;
    for (const PromptImportItem &i : r.value().items) {
        QString what = PromptImportItem::kindName(i.kind);
        if (i.kind == PromptImportItem::Kind::Changed)
            what = tr("changed: version %1 -> %2 (%3)")
                       .arg(i.fromVersion)
                       .arg(i.toVersion)
                       .arg(i.changedFields.join(QStringLiteral(", ")));
        else if (i.kind == PromptImportItem::Kind::MetadataChanged)
            what = tr("metadata changed, still version %1 (%2)")
                       .arg(i.toVersion)
                       .arg(i.changedFields.join(QStringLiteral(", ")));
        ctx.out().line(QStringLiteral("  %1 %2").arg(PromptCliFormat::pad(i.promptId, 32), what));
        items.append(QJsonObject{
            {QStringLiteral("prompt_id"), i.promptId},
            {QStringLiteral("action"), PromptImportItem::kindName(i.kind)},
            {QStringLiteral("from_version"), i.fromVersion},
            {QStringLiteral("to_version"), i.toVersion},
            {QStringLiteral("changed_fields"), QJsonArray::fromStringList(i.changedFields)}});
    }
    using K = PromptImportItem::Kind;
    const PromptImportPlan &plan = r.value();
    ctx.out().line((dryRun ? tr("dry run (nothing written): %1 new, %2 changed, %3 metadata "
                                "changed, %4 unchanged")
                           : tr("%1 new, %2 changed, %3 metadata changed, %4 unchanged"))
                       .arg(plan.count(K::New))
                       .arg(plan.count(K::Changed))
                       .arg(plan.count(K::MetadataChanged))
                       .arg(plan.count(K::Unchanged)));
    if (!plan.newPersonas.isEmpty())
        ctx.out().line((dryRun ? tr("new persona(s), not written (dry run): %1")
                               : tr("new persona(s) inserted: %1"))
                           .arg(plan.newPersonas.join(QStringLiteral(", "))));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("prompts import")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("dry_run"), dryRun},
         {QStringLiteral("file"), plan.file},
         {QStringLiteral("new"), plan.count(K::New)},
         {QStringLiteral("changed"), plan.count(K::Changed)},
         {QStringLiteral("metadata_changed"), plan.count(K::MetadataChanged)},
         {QStringLiteral("unchanged"), plan.count(K::Unchanged)},
         {QStringLiteral("new_personas"), QJsonArray::fromStringList(plan.newPersonas)},
         {QStringLiteral("prompts"), items}});
    return 0;
}

int PromptWriteCommands::label(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e = PromptCliUsage::check(
            ctx, QStringLiteral("label"),
            {QStringLiteral("protect"), QStringLiteral("unprotect"), QStringLiteral("confirm")}, 3,
            QStringLiteral("label ID LABEL VERSION [--protect|--unprotect] "
                           "[--confirm DATABASE]")))
        return e;
    if (p.isSet(QStringLiteral("protect")) && p.isSet(QStringLiteral("unprotect")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--protect and --unprotect exclude each other"),
                              {{QStringLiteral("option"), QStringLiteral("unprotect")}}));
    const auto version = PromptCliUsage::positiveNumber(ctx, ctx.args().at(3));
    if (!version)
        return 2;
    PromptLabels::Move move;
    move.promptId = ctx.args().at(1);
    move.label = ctx.args().at(2);
    move.versionNo = *version;
    if (p.isSet(QStringLiteral("protect")))
        move.setProtected = true;
    else if (p.isSet(QStringLiteral("unprotect")))
        move.setProtected = false;
    PgConnection *c = ctx.connectToWrite();
    if (!c)
        return 2;
    const PromptActor actor = PromptActor::current(QStringLiteral("uaip-migrate"));
    const auto codec = PromptKeyCommands::codec(*c); // a tampered version is refused
    PromptLabels labels(*c, codec.get());
    auto r = labels.move(move, actor);
    if (!r.ok() && r.error().code() == ErrorCode::NeedsConfirmation) {
        if (!confirmDatabase(ctx, c->database(), r.error().toString()))
            return ctx.fail(2,
                            Error(ErrorCode::NeedsConfirmation,
                                  tr("%1\nThe label is protected: pass --confirm %2 (the "
                                     "database name) or type it on a terminal. Nothing was "
                                     "written.")
                                      .arg(r.error().toString(), c->database()),
                                  r.error().args()));
        move.confirmProtected = true;
        r = labels.move(move, actor);
    }
    if (!r.ok())
        return PromptCliUsage::fail(ctx, r.error());
    if (r.value() == move.versionNo)
        ctx.out().line(tr("%1: label %2 already on version %3")
                           .arg(move.promptId, move.label)
                           .arg(move.versionNo));
    else
        ctx.out().line(r.value()
                           ? tr("%1: label %2 moved %3 -> %4")
                                 .arg(move.promptId, move.label, QString::number(r.value()),
                                      QString::number(move.versionNo))
                           : tr("%1: label %2 moved (new) -> %3")
                                 .arg(move.promptId, move.label, QString::number(move.versionNo)));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("prompts label")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("prompt_id"), move.promptId},
         {QStringLiteral("label"), move.label},
         {QStringLiteral("from_version"), r.value() ? QJsonValue(r.value()) : QJsonValue()},
         {QStringLiteral("to_version"), move.versionNo}});
    return 0;
}

bool PromptWriteCommands::confirmDatabase(CliContext &ctx, const QString &database,
                                          const QString &what)
{
    QString typed = ctx.parser().value(QStringLiteral("confirm"));
    if (typed.isEmpty()) {
        if (!isatty(STDIN_FILENO))
            return false;
        // process-only, as PassphraseReader::askHidden: asked on the terminal stdin is
        QTextStream err(stderr);
        err << what << '\n'
            << tr("Type the database name (%1) to confirm: ").arg(database) << Qt::flush;
        char buffer[512];
        if (!std::fgets(buffer, sizeof buffer, stdin))
            return false;
        typed = QString::fromUtf8(buffer).trimmed();
    }
    return typed == database;
}

} // namespace uaip
