#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

class CliContext;
class CliOutput;
struct PromptVersion;

// prompts list|show|diff|history: what the prompt core reads, as text or --json. Exit codes:
// 0 ok, 1 the database refused, 2 bad usage, unknown prompt or version.
class PromptReadCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptReadCommands)

public:
    static int list(CliContext &ctx);
    static int show(CliContext &ctx);
    static int diff(CliContext &ctx);
    static int history(CliContext &ctx);

private:
    // The version's texts (or why they are not shown) and their variables, as show prints
    // them; the variables' names.
    static QStringList printTexts(CliOutput &out, const PromptVersion &v);
};

} // namespace uaip
