#pragma once

#include "error/error.h"

#include <QCoreApplication>

namespace uaip {

class CliContext;
struct ActivitySession;
struct SessionAction;

// activity [--blocking] [--json]: the server's client sessions and lock chains (ActivityReader
// and LockChain, the Activity view's classes); activity cancel PID / activity terminate PID
// [--all-databases] [--backend-start TIME] [--confirm DATABASE] (SessionControl: the same
// refusals as the view). Only sessions of the connected database unless --all-databases; the
// signal must match the pid and the session's backend_start (--backend-start, or read just
// before). The command line has no profiles: every target but --sandbox is treated as
// production, so both actions need the name of the session's database (--confirm, or typed at
// a terminal). Exit codes: 0 signalled, 1 the session was already gone or the query failed,
// 2 bad usage or refused (nothing sent).
class ActivityCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ActivityCommands)

public:
    static int run(CliContext &ctx);

private:
    static int show(CliContext &ctx);
    static int act(CliContext &ctx, bool terminate);
    // act's steps: the database name typed on a terminal, or --confirm.
    static QString confirmation(CliContext &ctx, const ActivitySession &session, int pid,
                                bool terminate);
    // The signal was not sent: reported, with its exit code.
    static int notSent(CliContext &ctx, const Error &error, const SessionAction &action,
                       const ActivitySession &session);
};

} // namespace uaip
