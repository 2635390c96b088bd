#include "insightsmigratecommand.h"

#include "clicontext.h"
#include "clitext.h"
#include "insightshealthcommands.h"
#include "interruptwatch.h"

#include "db/sandbox.h"
#include "error/status.h"
#include "indexadvice/advicereport.h"
#include "indexadvice/indexhealthreader.h"
#include "indexadvice/indexmigrationbuilder.h"
#include "insights/insightscapabilities.h"
#include "ledger/migrationscaffold.h"
#include "ledger/migrationsource.h"
#include "migrate/generatedfolder.h"
#include "util/visibletext.h"

#include <QJsonObject>

namespace uaip {

namespace {

bool named(const QString &wanted, const QString &schema, const QString &name)
{
    return wanted == name || wanted == schema + u'.' + name;
}

// The one action INDEX (wanted) names, or why not: none (NotFound) or several (BadInput).
Status oneAction(const QList<IndexAction> &found, const QString &wanted, bool bloat,
                 const QString &unavailable)
{
    if (found.isEmpty())
        return Error(
            ErrorCode::NotFound,
            InsightsMigrateCommand::tr("no finding and no proposed index names %1 "
                                       "(\"insights indexes\" lists them%2)%3")
                .arg(CliText::printable(wanted),
                     bloat ? QString()
                           : InsightsMigrateCommand::tr("; a bloated index needs --bloat"),
                     unavailable.isEmpty() ? QString() : QStringLiteral(": ") + unavailable),
            {{QStringLiteral("index"), wanted}});
    if (found.size() == 1)
        return {};
    QStringList which;
    for (const IndexAction &a : found)
        which << CliText::printable(a.schema + u'.' + a.index) + u' ' + a.kindName();
    return Error(ErrorCode::BadInput,
                 InsightsMigrateCommand::tr("%1 names %n action(s): %2; name one as schema.index",
                                            nullptr, int(found.size()))
                     .arg(CliText::printable(wanted), which.join(QStringLiteral(", "))),
                 {{QStringLiteral("index"), wanted}});
}

// insights migrate's --json document.
QJsonObject migrationJson(const IndexMigration &m, const QString &folder)
{
    const IndexAction &action = m.action;
    return {{QStringLiteral("command"), QStringLiteral("insights migrate")},
            {QStringLiteral("ok"), true},
            {QStringLiteral("action"), action.kindName()},
            {QStringLiteral("schema"), action.schema},
            {QStringLiteral("index"), action.index},
            {QStringLiteral("statement"), action.statement},
            {QStringLiteral("down"), action.down},
            {QStringLiteral("migration"), m.folderName},
            {QStringLiteral("folder"), folder},
            {QStringLiteral("up_sql"), QString::fromUtf8(m.upSql)},
            {QStringLiteral("down_sql"), QString::fromUtf8(m.downSql)},
            {QStringLiteral("proof"), m.proof}};
}

} // namespace

Result<QList<IndexAction>> InsightsMigrateCommand::actionsNamed(CliContext &ctx,
                                                                const InsightsCapabilities &caps,
                                                                const QString &wanted,
                                                                QString *unavailable)
{
    PgConnection &c = *ctx.connect();
    IndexHealthReader reader(c, caps);
    Result<IndexHealthReport> health = reader.read();
    if (!health)
        return health.error();
    if (ctx.parser().isSet(QStringLiteral("bloat")))
        if (Status s = reader.bloat(health.value(), InsightsHealthCommands::kBloatReads); !s)
            return s.error();
    QList<IndexAction> found;
    for (const IndexFinding &f : health.value().findings)
        if (named(wanted, f.schema, f.index))
            found << IndexAction::of(f);
    if (!found.isEmpty())
        return found;
    Result<AdviceReport> advice = InsightsHealthCommands::advise(
        c, caps, InsightsHealthCommands::kAdvisedStatements, health.value().indexes, unavailable);
    if (!advice)
        return advice.error();
    for (const IndexAdvice &a : advice.value().advice)
        if (named(wanted, a.index.schema, a.index.indexName()))
            found << IndexAction::of(a);
    return found;
}

int InsightsMigrateCommand::run(CliContext &ctx, const InsightsCapabilities &caps)
{
    const QString wanted = ctx.args().value(1);
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    if (!dryRun && !ctx.parser().isSet(QStringLiteral("dir")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("insights migrate needs --dir PATH to write the migration to "
                                 "(the bundled migrations are read-only); --dry-run only "
                                 "prints it"),
                              {{QStringLiteral("option"), QStringLiteral("dir")}}));
    if (ctx.parser().isSet(QStringLiteral("name"))) {
        const Status named
            = MigrationScaffold::checkName(ctx.parser().value(QStringLiteral("name")));
        if (!named)
            return ctx.fail(2, named.error());
    }
    const auto [source, target] = ctx.sourceAndConnection(CliContext::SourceUse::Strict);
    if (!source || !target)
        return 2;
    QString unavailable;
    const Result<QList<IndexAction>> found = actionsNamed(ctx, caps, wanted, &unavailable);
    if (!found)
        return ctx.fail(1, found.error());
    if (const Status one = oneAction(found.value(), wanted,
                                     ctx.parser().isSet(QStringLiteral("bloat")), unavailable);
        !one)
        return ctx.fail(2, one.error());
    const IndexAction action = found.value().constFirst();
    const QString name = ctx.parser().isSet(QStringLiteral("name"))
        ? ctx.parser().value(QStringLiteral("name"))
        : action.migrationName();
    Sandbox sandbox = ctx.sandboxFor(target->serverVersion());
    IndexMigrationBuilder builder(sandbox, source->migrations());
    QObject::connect(&builder, &IndexMigrationBuilder::progress,
                     [&](const QString &step) { ctx.out().progress(step); });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // SIGINT/SIGTERM: the proof stops before its next step; its scratch database is dropped
    const InterruptWatch interrupt([&builder] { builder.cancel(); });
    const Result<IndexMigration> m = builder.build(*target, action, name, now);
    if (!m)
        return ctx.fail(3, Error(m.error()).in(tr("no migration written")));
    ctx.out().line(tr("%1: %2 the index %3, proved %4")
                       .arg(m->folderName, action.kindName(),
                            CliText::printable(action.schema + u'.' + action.index), m->proof));
    QString folder;
    if (dryRun) {
        ctx.out().line(QStringLiteral("--- %1/up.sql\n%2--- %1/down.sql\n%3")
                           .arg(m->folderName,
                                VisibleText::escapedKeepingLines(QString::fromUtf8(m->upSql)),
                                VisibleText::escapedKeepingLines(QString::fromUtf8(m->downSql))));
    } else {
        const Result<QString> written = GeneratedFolder::write(
            m->folderName, m->upSql, m->downSql, source->dir(), source->migrations(), now);
        if (!written)
            return ctx.fail(2, written.error());
        folder = written.value();
        ctx.out().line(tr("wrote %1/up.sql and %1/down.sql: review them, then apply with "
                          "\"uaip-migrate --dir %2 up\"")
                           .arg(folder, source->dir()));
    }
    ctx.out().document(migrationJson(*m, folder));
    return 0;
}

} // namespace uaip
