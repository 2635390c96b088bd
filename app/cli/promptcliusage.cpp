#include "promptcliusage.h"

#include "clicontext.h"

namespace uaip {

namespace {

const QStringList kPromptOptions{
    QStringLiteral("search"),  QStringLiteral("type"),        QStringLiteral("model"),
    QStringLiteral("label"),   QStringLiteral("period-days"), QStringLiteral("prompt-version"),
    QStringLiteral("ids"),     QStringLiteral("decrypt"),     QStringLiteral("file"),
    QStringLiteral("dry-run"), QStringLiteral("protect"),     QStringLiteral("unprotect"),
    QStringLiteral("confirm")};

} // namespace

int PromptCliUsage::exitCode(const Error &e)
{
    switch (e.code()) {
    case ErrorCode::BadInput:
    case ErrorCode::NotFound:
    case ErrorCode::NeedsConfirmation:
        return 2;
    default:
        return 1;
    }
}

int PromptCliUsage::fail(CliContext &ctx, const Error &e, bool nothingWritten)
{
    // with --json a server's error keeps its own fields (sqlstate, detail, ...) and words
    if (!nothingWritten || e.code() == ErrorCode::NotFound || (e.server() && ctx.out().json()))
        return ctx.fail(exitCode(e), e);
    return ctx.fail(exitCode(e),
                    Error(e.code(), tr("%1\nNothing was written.").arg(e.toString()), e.args()));
}

int PromptCliUsage::check(CliContext &ctx, const QString &sub, const QStringList &allowed,
                          int count, const QString &usage)
{
    for (const QString &option : kPromptOptions)
        if (ctx.parser().isSet(option) && !allowed.contains(option))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--%1 does not apply to \"prompts %2\"").arg(option, sub),
                                  {{QStringLiteral("option"), option}}));
    if (ctx.args().size() != count + 1)
        return ctx.fail(
            2, Error(ErrorCode::BadInput, tr("usage: uaip-migrate prompts %1").arg(usage)));
    return 0;
}

std::optional<int> PromptCliUsage::positiveNumber(CliContext &ctx, const QString &text,
                                                  const QString &option)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1) {
        ctx.fail(2,
                 Error(ErrorCode::BadInput,
                       option.isEmpty()
                           ? tr("version \"%1\" is not a version number (1, 2, ...)").arg(text)
                           : tr("%1 \"%2\" is not a version number (1, 2, ...)").arg(option, text),
                       {{QStringLiteral("version"), text}}));
        return std::nullopt;
    }
    return n;
}

} // namespace uaip
