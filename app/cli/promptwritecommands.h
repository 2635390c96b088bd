#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

class CliContext;

// prompts export|import|label: what the prompt core writes (a file or the database), as text
// or --json. Exit codes: 0 ok, 1 the database refused or another console saved first (nothing
// written), 2 bad usage, bad input, unknown prompt or version, or an unconfirmed protected
// label (nothing written).
class PromptWriteCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptWriteCommands)

public:
    static int exportPrompts(CliContext &ctx);
    static int importPrompts(CliContext &ctx);
    static int label(CliContext &ctx);
    // The database name typed on the terminal, or --confirm NAME (also seed prompts --update).
    static bool confirmDatabase(CliContext &ctx, const QString &database, const QString &what);
};

} // namespace uaip
