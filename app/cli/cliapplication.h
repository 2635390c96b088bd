#pragma once

#include "clistreams.h"

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

// uaip-migrate's command line: global options, one command, its own options. Dispatches to
// the command classes; every engine call goes to app/core.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CliApplication)

public:
    // One run: arguments as QCoreApplication::arguments() gives them (the program's name first,
    // named by --help's usage line), the output on streams (the process's stdout and stderr by
    // default); returns the exit code. It never ends the process, so a process may run it again
    // (tests run it in-process, InProcessCli). What it takes from the process: the application's
    // name and version (--version, the client the ledger and the lock record), the translator
    // installed, the environment (PG*, UAIP_*), the working directory, stdin (see CliStreams).
    int run(const QStringList &arguments, const CliStreams &streams = {});
};

} // namespace uaip
