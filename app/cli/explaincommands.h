#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// explain [--analyze] (-c SQL | -f FILE): the plan of one statement (ExplainRunner, the same
// class as the SQL view) as a summary: the top nodes by exclusive time (or cost without
// --analyze), the row estimates off by 10x or more; with --json every node. --analyze of a
// writing statement runs it in a transaction that is rolled back. Exit codes: 0 ok, 1 the
// server refused the statement, 2 bad usage or bad input (nothing sent).
class ExplainCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ExplainCommands)

public:
    static int run(CliContext &ctx);
};

} // namespace uaip
