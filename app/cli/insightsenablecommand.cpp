#include "insightsenablecommand.h"

#include "clicontext.h"
#include "promptwritecommands.h"

#include "db/pgconnection.h"
#include "insights/insightscapabilities.h"

namespace uaip {

int InsightsEnableCommand::run(CliContext &ctx, const InsightsCapabilities &caps)
{
    const QString extension = ctx.args().value(1);
    if (ctx.args().size() != 2 || !InsightsCapabilities::extensions().contains(extension))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate insights enable EXTENSION [--confirm "
                                 "DATABASE] (EXTENSION: %1)")
                                  .arg(InsightsCapabilities::extensions().join(u'|'))));
    if (caps.installed(extension)) {
        ctx.out().line(tr("%1 is already created in %2.").arg(extension, caps.database()));
        ctx.out().document({{QStringLiteral("command"), QStringLiteral("insights enable")},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("extension"), extension},
                            {QStringLiteral("created"), false}});
        return 0;
    }
    if (caps.standby())
        return ctx.fail(2,
                        Error(ErrorCode::Refused, caps.howToEnable(extension),
                              {{QStringLiteral("extension"), extension}}));
    // No profiles here: anything but the private sandbox may be production.
    if (!ctx.parser().isSet(QStringLiteral("sandbox"))
        && !PromptWriteCommands::confirmDatabase(
            ctx, caps.database(),
            tr("Create extension %1 in %2 on %3?")
                .arg(extension, caps.database(), ctx.describeTarget())))
        return ctx.fail(2,
                        Error(ErrorCode::Refused,
                              tr("Creating an extension changes the database: pass --confirm "
                                 "%1 (the database name) or type it on a terminal. Nothing was "
                                 "written.")
                                  .arg(caps.database()),
                              {{QStringLiteral("option"), QStringLiteral("confirm")}}));
    if (Status s = InsightsCapabilities::enable(*ctx.connect(), extension); !s)
        return ctx.fail(1, s.error());
    QString after = caps.stillNeeded(extension);
    ctx.out().line(tr("Created extension %1 in %2.").arg(extension, caps.database()));
    if (!after.isEmpty())
        ctx.out().line(after);
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("insights enable")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("extension"), extension},
         {QStringLiteral("created"), true},
         {QStringLiteral("still_needed"), after.isEmpty() ? QJsonValue() : QJsonValue(after)}});
    return 0;
}

} // namespace uaip
