#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// status, up, down, new, baseline, repair, history.
class MigrateCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrateCommands)

public:
    static int status(CliContext &ctx);
    static int up(CliContext &ctx);
    static int down(CliContext &ctx);
    static int create(CliContext &ctx);
    static int baseline(CliContext &ctx);
    static int repair(CliContext &ctx);
    static int history(CliContext &ctx);
};

} // namespace uaip
