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

#include <optional>

namespace uaip {

namespace {

// An option given to a subcommand it does not apply to: the error that says so.
std::optional<Error> misplacedOption(const CliContext &ctx, const QString &sub)
{
    struct Rule
    {
        QStringList options;
        QStringList where;
        QString message;
        QString named; // the option the error names (empty: several)
    };
    const QString migrate = QStringLiteral("migrate");
    const QList<Rule> rules{
        {{QStringLiteral("order")},
         {QStringLiteral("queries")},
         InsightsCommands::tr("--order applies to \"insights queries\" only"),
         QStringLiteral("order")},
        {{QStringLiteral("bloat")},
         {QStringLiteral("indexes"), QStringLiteral("tables"), migrate},
         InsightsCommands::tr("--bloat applies to \"insights indexes\", \"insights tables\" "
                              "and \"insights migrate\""),
         QStringLiteral("bloat")},
        {{QStringLiteral("name"), QStringLiteral("dry-run")},
         {migrate},
         InsightsCommands::tr("--name and --dry-run apply to \"insights migrate\" only"),
         {}},
        {{QStringLiteral("min-ratio"), QStringLiteral("min-ms")},
         {QStringLiteral("since")},
         InsightsCommands::tr("--min-ratio and --min-ms apply to \"insights since\" only"),
         {}},
        {{QStringLiteral("keep")},
         {QStringLiteral("record")},
         InsightsCommands::tr("--keep applies to \"insights record\" only"),
         QStringLiteral("keep")},
        {{QStringLiteral("days"), QStringLiteral("query"), QStringLiteral("table")},
         {QStringLiteral("history")},
         InsightsCommands::tr("--days, --query and --table apply to \"insights history\" "
                              "only"),
         {}},
        {{QStringLiteral("confirm")},
         {QStringLiteral("enable")},
         InsightsCommands::tr("--confirm applies to \"insights enable\" only"),
         QStringLiteral("confirm")},
    };
    for (const Rule &rule : rules)
        for (const QString &option : rule.options)
            if (ctx.parser().isSet(option) && !rule.where.contains(sub))
                return rule.named.isEmpty() ? Error(ErrorCode::BadInput, rule.message)
                                            : Error(ErrorCode::BadInput, rule.message,
                                                    {{QStringLiteral("option"), rule.named}});
    return std::nullopt;
}

} // namespace

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
    if (const std::optional<Error> misplaced = misplacedOption(ctx, sub))
        return ctx.fail(2, *misplaced);
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
