#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// sql (-c SQL | -f FILE) [--read-only] [--production [--confirm DATABASE]] [--json]: runs the
// statements through the SQL view's core (SqlRunner: the same splitting, one statement per
// request over the extended protocol, the same guards: --read-only runs only reading
// statements, each in a READ ONLY transaction that is rolled back; --production refuses every
// statement that can write unless --confirm names the database, and then nothing runs) and
// prints every result set as aligned text, or JSON. Each statement commits on its own
// (autocommit). SIGINT/SIGTERM cancels the running statement at the server (its transaction
// rolls back; none after it runs) and ends the command Cancelled (SqlCliInterrupt). Exit codes:
// 0 ok, 1 the server refused a statement (FILE:line:col; a guard's probe of it too) or the command
// was interrupted, 2 bad usage, a syntax error or a guard's refusal (nothing run).
class SqlCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
