#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

// uaip-migrate's command line: global options, one command, its own options. Dispatches to
// the command classes; every engine call goes to app/core.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CliApplication)

public:
    int run(const QStringList &arguments);
};

} // namespace uaip
