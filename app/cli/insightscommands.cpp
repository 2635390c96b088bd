#include "insightscommands.h"

#include "clicontext.h"
#include "insightsconnectionscommand.h"
#include "insightsenablecommand.h"
#include "insightshealthcommands.h"
#include "insightshistorycommand.h"
#include "insightsmigratecommand.h"
#include "insightsqueriescommand.h"
#include "insightssincecommand.h"

#include "db/pgconnection.h"
#include "insights/insightscapabilities.h"

namespace uaip {

int InsightsCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    ctx.setCommand(QStringLiteral("insights ") + sub);
    static const QStringList subs{
        QStringLiteral("queries"),     QStringLiteral("indexes"), QStringLiteral("tables"),
        QStringLiteral("connections"), QStringLiteral("enable"),  QStringLiteral("since"),
        QStringLiteral("migrate"),     QStringLiteral("record"),  QStringLiteral("history")};
    const bool takesArgument = sub == QLatin1String("enable") || sub == QLatin1String("since")
        || sub == QLatin1String("migrate");
    if (!subs.contains(sub) || (!takesArgument && ctx.args().size() != 1)
        || (takesArgument && sub != QLatin1String("enable") && ctx.args().size() != 2))
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("usage: uaip-migrate insights queries [--order total|mean] [--limit "
                     "N] | indexes [--limit N] [--bloat] | tables [--limit N] [--bloat] | "
                     "connections | since VERSION [--min-ratio R] [--min-ms MS] | migrate INDEX "
                     "[--name NAME] [--dry-run] | record [--keep 30d] | history [--days N] "
                     "[--query QUERYID] [--table NAME] "
                     "| enable EXTENSION [--confirm DATABASE]")));
    const auto misplaced = [&](const char *option, const QStringList &where) {
        return ctx.parser().isSet(QLatin1String(option)) && !where.contains(sub);
    };
    if (misplaced("order", {QStringLiteral("queries")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--order applies to \"insights queries\" only"),
                              {{QStringLiteral("option"), QStringLiteral("order")}}));
    if (misplaced("bloat",
                  {QStringLiteral("indexes"), QStringLiteral("tables"), QStringLiteral("migrate")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--bloat applies to \"insights indexes\", \"insights tables\" "
                                 "and \"insights migrate\""),
                              {{QStringLiteral("option"), QStringLiteral("bloat")}}));
    if (misplaced("name", {QStringLiteral("migrate")})
        || misplaced("dry-run", {QStringLiteral("migrate")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--name and --dry-run apply to \"insights migrate\" only")));
    if (misplaced("min-ratio", {QStringLiteral("since")})
        || misplaced("min-ms", {QStringLiteral("since")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--min-ratio and --min-ms apply to \"insights since\" only")));
    if (misplaced("keep", {QStringLiteral("record")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--keep applies to \"insights record\" only"),
                              {{QStringLiteral("option"), QStringLiteral("keep")}}));
    if (misplaced("days", {QStringLiteral("history")})
        || misplaced("query", {QStringLiteral("history")})
        || misplaced("table", {QStringLiteral("history")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--days, --query and --table apply to \"insights history\" "
                                 "only")));
    if (misplaced("confirm", {QStringLiteral("enable")}))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--confirm applies to \"insights enable\" only"),
                              {{QStringLiteral("option"), QStringLiteral("confirm")}}));
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    Result<InsightsCapabilities> caps = InsightsCapabilities::read(*c);
    if (!caps)
        return ctx.fail(1, caps.error());
    if (sub == QLatin1String("queries"))
        return InsightsQueriesCommand::run(ctx, caps.value());
    if (sub == QLatin1String("indexes"))
        return InsightsHealthCommands::indexes(ctx, caps.value());
    if (sub == QLatin1String("tables"))
        return InsightsHealthCommands::tables(ctx, caps.value());
    if (sub == QLatin1String("connections"))
        return InsightsConnectionsCommand::run(ctx, caps.value());
    if (sub == QLatin1String("since"))
        return InsightsSinceCommand::run(ctx, caps.value());
    if (sub == QLatin1String("migrate"))
        return InsightsMigrateCommand::run(ctx, caps.value());
    if (sub == QLatin1String("record"))
        return InsightsHistoryCommand::record(ctx, caps.value());
    if (sub == QLatin1String("history"))
        return InsightsHistoryCommand::history(ctx, caps.value());
    return InsightsEnableCommand::run(ctx, caps.value());
}

} // namespace uaip
