#include "promptcommands.h"

#include "clicontext.h"
#include "promptreadcommands.h"
#include "promptwritecommands.h"

namespace uaip {

int PromptCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    if (sub == QLatin1String("list"))
        return PromptReadCommands::list(ctx);
    if (sub == QLatin1String("show"))
        return PromptReadCommands::show(ctx);
    if (sub == QLatin1String("diff"))
        return PromptReadCommands::diff(ctx);
    if (sub == QLatin1String("export"))
        return PromptWriteCommands::exportPrompts(ctx);
    if (sub == QLatin1String("import"))
        return PromptWriteCommands::importPrompts(ctx);
    if (sub == QLatin1String("label"))
        return PromptWriteCommands::label(ctx);
    if (sub == QLatin1String("history"))
        return PromptReadCommands::history(ctx);
    return ctx.fail(2,
                    Error(ErrorCode::BadInput,
                          sub.isEmpty()
                              ? tr("prompts needs a subcommand: list, show, diff, export, "
                                   "import, label, history, encryption, key")
                              : tr("unknown subcommand \"prompts %1\"").arg(sub)));
}

} // namespace uaip
