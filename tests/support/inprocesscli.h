#pragma once

#include <QByteArray>
#include <QStringList>

namespace uaip::test {

// uaip-migrate run in the test's own process: CliApplication::run with its stdout and stderr
// captured (CliStreams), no process started. As the binary and the process tests have it: the
// application named uaip-migrate with the project's version (for the call), stdin at end of
// input and not a terminal (fd 0 on /dev/null for the call, so nothing is ever asked). Not
// separate from the test: the environment, the working directory, the translator and every
// process-wide state of the core (the keychain module, loaded once; OwnBackends, which counts
// the test's own connections as the console's own) are the test's; a crash is the test's; a
// signal reaches the test; what a child process (pg_ctl) prints goes to the test's stdout. A
// case that needs any of these apart runs the binary (uaipmigratetestutil.h). Not reentrant:
// one run at a time, from the thread of the QCoreApplication.
class InProcessCli
{
public:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // args as after the program's name on the command line (run() puts "uaip-migrate" first).
    static Result run(const QStringList &args);
};

} // namespace uaip::test
