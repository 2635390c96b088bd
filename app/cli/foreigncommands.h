#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// foreign: other tools' histories in the database; adopt --from TOOL: take one over.
class ForeignCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ForeignCommands)

public:
    static int foreign(CliContext &ctx);
    static int adopt(CliContext &ctx);
};

} // namespace uaip
