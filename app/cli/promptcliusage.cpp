#include "promptcliusage.h"

#include "clicontext.h"

#include <QJsonObject>

namespace uaip {

namespace {

const QStringList kPromptOptions{
    QStringLiteral("search"),  QStringLiteral("type"),        QStringLiteral("model"),
    QStringLiteral("label"),   QStringLiteral("period-days"), QStringLiteral("prompt-version"),
    QStringLiteral("ids"),     QStringLiteral("decrypt"),     QStringLiteral("file"),
    QStringLiteral("dry-run"), QStringLiteral("protect"),     QStringLiteral("unprotect"),
    QStringLiteral("confirm")};

} // namespace

int PromptCliUsage::exitCode(const PromptError &e)
{
    switch (e.kind) {
    case PromptError::Kind::BadInput:
    case PromptError::Kind::NotFound:
    case PromptError::Kind::NeedsConfirmation:
        return 2;
    default:
        return 1;
    }
}

QString PromptCliUsage::kindName(PromptError::Kind kind)
{
    switch (kind) {
    case PromptError::Kind::None:
        return QString();
    case PromptError::Kind::BadInput:
        return QStringLiteral("bad_input");
    case PromptError::Kind::NotFound:
        return QStringLiteral("not_found");
    case PromptError::Kind::Conflict:
        return QStringLiteral("conflict");
    case PromptError::Kind::Locked:
        return QStringLiteral("locked");
    case PromptError::Kind::NeedsConfirmation:
        return QStringLiteral("needs_confirmation");
    case PromptError::Kind::Database:
        return QStringLiteral("database");
    }
    return QString();
}

int PromptCliUsage::fail(CliContext &ctx, const PromptError &e, bool nothingWritten)
{
    QString message = e.message;
    if (nothingWritten && e.kind != PromptError::Kind::NotFound)
        message = tr("%1\nNothing was written.").arg(message);
    if (ctx.out().json()) {
        // one document, with the kind of problem for scripts
        ctx.out().document({{QStringLiteral("ok"), false},
                            {QStringLiteral("exit_code"), exitCode(e)},
                            {QStringLiteral("kind"), kindName(e.kind)},
                            {QStringLiteral("error"), message}});
        return exitCode(e);
    }
    return ctx.fail(exitCode(e), message);
}

int PromptCliUsage::check(CliContext &ctx, const QString &sub, const QStringList &allowed,
                          int count, const QString &usage)
{
    for (const QString &option : kPromptOptions)
        if (ctx.parser().isSet(option) && !allowed.contains(option))
            return ctx.fail(2, tr("--%1 does not apply to \"prompts %2\"").arg(option, sub));
    if (ctx.args().size() != count + 1)
        return ctx.fail(2, tr("usage: uaip-migrate prompts %1").arg(usage));
    return 0;
}

std::optional<int> PromptCliUsage::positiveNumber(CliContext &ctx, const QString &text,
                                                  const QString &option)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1) {
        ctx.fail(2,
                 option.isEmpty()
                     ? tr("version \"%1\" is not a version number (1, 2, ...)").arg(text)
                     : tr("%1 \"%2\" is not a version number (1, 2, ...)").arg(option, text));
        return std::nullopt;
    }
    return n;
}

} // namespace uaip
