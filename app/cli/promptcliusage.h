#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace uaip {

class CliContext;

// How the prompts subcommands check their command line and report a prompt core error: the
// exit code (2 for what the user can fix in the command, 1 otherwise), reported as every
// command reports a failure (CliContext::fail: with --json the one failure document).
class PromptCliUsage
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptCliUsage)

public:
    static int exitCode(const Error &e);
    // Reports e through CliContext::fail (adding that nothing was written, unless
    // nothingWritten is false or the prompt was not found) and returns its exit code.
    static int fail(CliContext &ctx, const Error &e, bool nothingWritten = true);
    // Only the options of this prompts subcommand; exactly 'count' arguments after it.
    // 0 when the usage is right, else the exit code (reported).
    static int check(CliContext &ctx, const QString &sub, const QStringList &allowed, int count,
                     const QString &usage);
    // A version number (1, 2, ...) given as 'option' (e.g. "--version"; empty: an argument);
    // reports and returns nothing when text is not one.
    static std::optional<int> positiveNumber(CliContext &ctx, const QString &text,
                                             const QString &option = QString());
};

} // namespace uaip
