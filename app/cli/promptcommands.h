#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// prompts list|show|diff|export|import|label|history: the prompt core (app/core/prompts) on
// the command line, text or --json; the reads are PromptReadCommands, the writes
// PromptWriteCommands. Exit codes: 0 ok, 1 the database refused or another console saved first
// (nothing written), 2 bad usage, bad input, unknown prompt or version, or an unconfirmed
// protected label (nothing written).
class PromptCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
