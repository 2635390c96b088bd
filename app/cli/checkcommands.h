#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// validate, lint, verify: checks that change nothing.
class CheckCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CheckCommands)

public:
    static int validate(CliContext &ctx);
    static int lint(CliContext &ctx);
    static int verify(CliContext &ctx);
};

} // namespace uaip
