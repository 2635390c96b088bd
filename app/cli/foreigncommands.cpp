#include "foreigncommands.h"

#include "clicontext.h"
#include "clitext.h"
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "jsonformat.h"

#include <QJsonArray>

#include <algorithm>

namespace uaip {

namespace {

QJsonObject entryJson(const ForeignEntry &e)
{
    return {{QStringLiteral("ref"), e.ref},
            {QStringLiteral("version"), e.version},
            {QStringLiteral("name"), JsonFormat::orNull(e.name)},
            {QStringLiteral("migration"), e.foreignName},
            {QStringLiteral("applied_at"), JsonFormat::orNull(e.appliedAt)},
            {QStringLiteral("checksum"), JsonFormat::orNull(e.checksum)},
            {QStringLiteral("state"), e.state},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("java"), e.fromCode}};
}

QString actionName(AdoptionRow::Action action)
{
    switch (action) {
    case AdoptionRow::Action::Adopt:
        return QStringLiteral("adopt");
    case AdoptionRow::Action::Applied:
        return QStringLiteral("applied");
    case AdoptionRow::Action::Skip:
        return QStringLiteral("skip");
    case AdoptionRow::Action::Refuse:
        break;
    }
    return QStringLiteral("refuse");
}

QJsonArray rowsJson(const QList<AdoptionRow> &rows)
{
    QJsonArray out;
    for (const AdoptionRow &r : rows)
        out.append(
            QJsonObject{{QStringLiteral("ref"), r.entry.ref},
                        {QStringLiteral("migration"), r.entry.foreignName},
                        {QStringLiteral("state"), r.entry.state},
                        {QStringLiteral("folder"), JsonFormat::orNull(r.folder)},
                        {QStringLiteral("action"), actionName(r.action)},
                        {QStringLiteral("note"), JsonFormat::orNull(r.note)},
                        {QStringLiteral("accepted_checksum"),
                         r.checksumAccepted ? QJsonValue(QJsonObject{
                             {QStringLiteral("recorded"), JsonFormat::orNull(r.recordedChecksum)},
                             {QStringLiteral("file"), JsonFormat::orNull(r.fileChecksum)}})
                                            : QJsonValue()}});
    return out;
}

// --table applies to one tool (adopt) or to every shape (foreign).
QString tableOption(CliContext &ctx)
{
    return ctx.parser().value(QStringLiteral("table"));
}

// adopt: the run's result, as text or with the plan's fields in the JSON document; the exit
// code.
int reportAdopted(CliContext &ctx, const RunResult &r, const QJsonObject &doc)
{
    if (ctx.out().json()) {
        QJsonObject result = JsonFormat::result(QStringLiteral("adopt"), r);
        for (auto it = doc.constBegin(); it != doc.constEnd(); ++it)
            if (!result.contains(it.key()))
                result.insert(it.key(), it.value());
        ctx.out().document(result);
        return r.exitCode();
    }
    if (!r.ok()) {
        ctx.out().error(r.message
                        + (r.problems.isEmpty()
                               ? QString()
                               : QStringLiteral("\n  ") + r.problems.join(QStringLiteral("\n  "))));
        return r.exitCode();
    }
    ctx.out().line(r.message);
    return 0;
}

} // namespace

int ForeignCommands::foreign(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput, tr("usage: uaip-migrate foreign [--table NAME] [--json]")));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto read = ForeignLedgerReader(*c).read({}, tableOption(ctx));
    if (!read)
        return ctx.fail(2, read.error());
    QJsonArray ledgers;
    for (const ForeignLedger &l : read.value()) {
        QJsonArray entries;
        //: %1 tool, %2 schema.table, %3 applied entries, %4 all entries, %5 the table's owner
        ctx.out().line(tr("%1 history in %2: %3 applied of %4 entries (owned by role %5)")
                           .arg(l.tool.displayName, l.qualifiedName())
                           .arg(l.appliedCount())
                           .arg(l.entries.size())
                           .arg(CliText::printable(l.owner)));
        if (!l.trusted())
            ctx.out().line(QStringLiteral("  ") + tr("not trusted: %1").arg(l.distrust));
        if (!l.extraColumns.isEmpty())
            ctx.out().line(
                QStringLiteral("  ")
                + tr("with %n column(s) %1 does not create: %2", nullptr,
                     int(l.extraColumns.size()))
                      .arg(l.tool.displayName,
                           CliText::printable(l.extraColumns.join(QStringLiteral(", ")))));
        for (const ForeignEntry &e : l.entries) {
            entries.append(entryJson(e));
            QString line = QStringLiteral("  %1  %2  %3  %4")
                               .arg(e.version.leftJustified(16), e.state.leftJustified(11),
                                    (e.appliedAt.isEmpty() ? QStringLiteral("-") : e.appliedAt)
                                        .leftJustified(20),
                                    e.foreignName);
            if (e.kind != QLatin1String("versioned"))
                line += QStringLiteral(" [") + e.kind + u']';
            if (e.fromCode)
                line += QStringLiteral(" [") + tr("Java migration") + u']';
            if (!e.checksum.isEmpty())
                line += QStringLiteral("  ") + e.checksum;
            ctx.out().line(line);
        }
        ledgers.append(QJsonObject{
            {QStringLiteral("tool"), l.tool.id},
            {QStringLiteral("tool_name"), l.tool.displayName},
            {QStringLiteral("schema"), l.schema},
            {QStringLiteral("table"), l.table},
            {QStringLiteral("owner"), l.owner},
            {QStringLiteral("trusted"), l.trusted()},
            {QStringLiteral("distrust"), JsonFormat::orNull(l.distrust)},
            {QStringLiteral("applied"), l.appliedCount()},
            {QStringLiteral("extra_columns"), QJsonArray::fromStringList(l.extraColumns)},
            {QStringLiteral("entries"), entries}});
    }
    if (read.value().isEmpty())
        ctx.out().line(tr("no other tool's migration history found on the search path"));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("foreign")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("ledgers"), ledgers}});
    return 0;
}

int ForeignCommands::adopt(CliContext &ctx)
{
    const QString toolId = ctx.parser().value(QStringLiteral("from"));
    const ForeignTool *tool = ForeignTool::find(toolId);
    if (!ctx.args().isEmpty() || !tool)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate adopt --from %1 [--table NAME] [--dry-run] "
                                 "[--accept-checksum VERSION]...")
                                  .arg(ForeignTool::ids().join(u'|'))));
    if (ctx.parser().isSet(QStringLiteral("accept-checksums")))
        // accepting every mismatch at once took a changed file over unseen: each is named
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--accept-checksums is no more: name each version whose "
                                 "checksum to take over with --accept-checksum VERSION "
                                 "(repeatable; adopt --dry-run lists them)"),
                              {{QStringLiteral("option"), QStringLiteral("accept-checksums")}}));
    const MigrationSource *source = ctx.source();
    PgConnection *c
        = source ? ctx.connectToWrite(ctx.parser().isSet(QStringLiteral("dry-run"))) : nullptr;
    if (!c)
        return 2;
    ForeignLedger ledger;
    if (const int e = readLedger(ctx, *c, *tool, &ledger))
        return e;
    MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
    const auto statuses = runner.status();
    if (!statuses)
        return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
    const AdoptionPlan plan = AdoptionPlanner::plan(
        ledger, statuses.value(), ctx.parser().values(QStringLiteral("accept-checksum")));
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    printPlan(ctx, plan);
    QJsonObject doc{{QStringLiteral("command"), QStringLiteral("adopt")},
                    {QStringLiteral("tool"), tool->id},
                    {QStringLiteral("table"), plan.table},
                    {QStringLiteral("owner"), ledger.owner},
                    {QStringLiteral("dry_run"), dryRun},
                    {QStringLiteral("rows"), rowsJson(plan.rows)},
                    {QStringLiteral("covered"), rowsJson(plan.covered)},
                    {QStringLiteral("pending"), QJsonArray::fromStringList(plan.pending)}};
    if (!plan.ok())
        return refusePlan(ctx, plan, doc);
    if (dryRun) {
        ctx.out().line(tr("dry run: would adopt %n migration(s) from %1; nothing changed", nullptr,
                          plan.adoptCount())
                           .arg(plan.table));
        doc.insert(QStringLiteral("ok"), true);
        ctx.out().document(doc);
        return 0;
    }
    return reportAdopted(ctx, runner.adopt(plan.items()), doc);
}

int ForeignCommands::readLedger(CliContext &ctx, PgConnection &connection, const ForeignTool &tool,
                                ForeignLedger *ledger)
{
    auto read = ForeignLedgerReader(connection).read(tool.id, tableOption(ctx));
    if (!read)
        return ctx.fail(2, read.error());
    const QString table = tableOption(ctx).isEmpty() ? tool.defaultTable : tableOption(ctx);
    // --table names the one to adopt where the tool's default (or an older version's,
    // Flyway's schema_version) is there too
    if (const qsizetype named = std::count_if(
            read->cbegin(), read->cend(), [&](const ForeignLedger &l) { return l.table == table; });
        !tableOption(ctx).isEmpty() && named > 0)
        read->removeIf([&](const ForeignLedger &l) { return l.table != table; });
    if (read.value().isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::NotFound,
                              tr("no %1 history (table %2 with %1's columns) on the search path")
                                  .arg(tool.displayName, table),
                              {{QStringLiteral("table"), table}}));
    if (read.value().size() > 1 && read->first().schema == read->at(1).schema)
        //: %1 the tool, %2 and %3 schema.table
        return ctx.fail(2,
                        Error(ErrorCode::Refused,
                              tr("%1 histories %2 and %3 in one schema: name the one to adopt "
                                 "with --table NAME")
                                  .arg(tool.displayName, read->first().qualifiedName(),
                                       read->at(1).qualifiedName()),
                              {{QStringLiteral("table"), table}}));
    if (read.value().size() > 1)
        return ctx.fail(2,
                        Error(ErrorCode::Refused,
                              tr("%1 histories in several schemas (%2): put the one to adopt "
                                 "first on the search path")
                                  .arg(tool.displayName)
                                  .arg(read.value().first().qualifiedName() + QStringLiteral(", ")
                                       + read.value().at(1).qualifiedName()),
                              {{QStringLiteral("table"), table}}));
    *ledger = read.value().first();
    //: %1 the tool, %2 schema.table, %3 its owner
    ctx.out().line(tr("%1's history in %2, owned by role %3")
                       .arg(tool.displayName, CliText::printable(ledger->qualifiedName()),
                            CliText::printable(ledger->owner)));
    if (!ledger->trusted())
        //: %1 why the table is not trusted (names the table and its owner)
        return ctx.fail(3,
                        Error(ErrorCode::Refused,
                              tr("nothing was adopted: %1").arg(ledger->distrust),
                              {{QStringLiteral("table"), ledger->qualifiedName()}}));
    return 0;
}

void ForeignCommands::printPlan(CliContext &ctx, const AdoptionPlan &plan)
{
    for (const AdoptionRow *r : plan.ordered())
        ctx.out().line(
            QStringLiteral("  %1 %2 -> %3%4")
                .arg(actionName(r->action).leftJustified(8),
                     (r->entry.ref + u' ' + r->entry.foreignName).leftJustified(44),
                     r->folder.isEmpty() ? QStringLiteral("-") : r->folder,
                     r->note.isEmpty() ? QString() : QStringLiteral("  (") + r->note + u')'));
    for (const QString &p : plan.pending)
        ctx.out().line(
            tr("  stays pending: %1 (no row of %2's history takes it over)").arg(p, plan.toolName));
    // each acceptance named again below the rows, so that none is lost among them
    for (const AdoptionRow &r : plan.rows)
        if (r.checksumAccepted)
            //: %1 the folder, %2 the row, %3 the recorded checksum, %4 the file's
            ctx.out().line(tr("  checksum accepted: %1 for %2 (recorded %3, the file has %4)")
                               .arg(r.folder, r.entry.ref,
                                    r.recordedChecksum.isEmpty() ? tr("none") : r.recordedChecksum,
                                    r.fileChecksum));
}

int ForeignCommands::refusePlan(CliContext &ctx, const AdoptionPlan &plan, QJsonObject doc)
{
    const QString message = tr("nothing was adopted: %n entry(s) of %1 cannot be taken over "
                               "(no folder or several, "
                               "not applied, or not the file the tool ran)",
                               nullptr, int(plan.problems.size()))
                                .arg(plan.table);
    if (ctx.out().json()) {
        QJsonArray problems;
        for (const QString &p : plan.problems)
            problems.append(JsonFormat::problem(p));
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("exit_code"), 3);
        doc.insert(QStringLiteral("message"), message);
        doc.insert(QStringLiteral("code"), errorCodeName(ErrorCode::Refused));
        doc.insert(QStringLiteral("args"), QJsonObject{{QStringLiteral("table"), plan.table}});
        doc.insert(QStringLiteral("problems"), problems);
        ctx.out().document(doc);
        return 3;
    }
    ctx.out().error(message + QStringLiteral("\n  ") + plan.problems.join(QStringLiteral("\n  ")));
    return 3;
}

} // namespace uaip
