#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// diff: the live database's drift from the migrations, as a new migration folder.
class DriftCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DriftCommands)

public:
    static int diff(CliContext &ctx);
};

} // namespace uaip
