#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// explain [--analyze] [--read-only] [--production [--confirm DATABASE]] (-c SQL | -f FILE):
// the plan of one statement (ExplainRunner, the same class as the SQL view) as a summary: the
// top nodes by exclusive time (or cost without --analyze), the row estimates off by 10x or
// more; with --json every node. The statement goes out alone (extended protocol): explain
// without --analyze never runs it. --analyze runs it in a transaction that is rolled back,
// after the SQL view's guards (--read-only: reading statements only; --production: a statement
// that can write needs --confirm DATABASE). SIGINT/SIGTERM cancels the running statement at
// the server and ends the command Cancelled (SqlCliInterrupt). Exit codes: 0 ok, 1 the server
// refused the statement (also when a guard asked it what the statement reaches) or the command
// was interrupted, 2 bad usage, bad input or a guard's refusal (nothing run).
class ExplainCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
