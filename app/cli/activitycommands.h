#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// activity [--blocking] [--json]: the server's client sessions and lock chains (ActivityReader
// and LockChain, the Activity view's classes); activity cancel PID / activity terminate PID
// [--confirm DATABASE] (SessionControl: the same refusals as the view). The command line has no
// profiles: every target but --sandbox is treated as production, so both actions need the
// database name (--confirm, or typed at a terminal). Exit codes: 0 ok, 1 the server did not
// signal the session or the query failed, 2 bad usage or refused (nothing sent).
class ActivityCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ActivityCommands)

public:
    static int run(CliContext &ctx);

private:
    static int show(CliContext &ctx);
    static int act(CliContext &ctx, bool terminate);
};

} // namespace uaip
