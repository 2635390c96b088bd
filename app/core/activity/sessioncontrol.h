#pragma once

#include "activitysession.h"
#include "sessionaction.h"
#include "sessionoutcome.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>

#include <optional>

namespace uaip {

class PgConnection;
class PgResult;

// Cancels or terminates a session, and refuses (an error naming the reason, nothing signalled):
// on a read-only profile or a read-only session (default_transaction_read_only at the server);
// for a session of this process (OwnBackends: the console's own sessions, whatever asked); on
// a production profile unless the confirmation is the name of the session's database; for a
// session of another database than the connected one unless the action says all databases;
// without the backend_start the caller saw. The checks and the signal are one statement keyed
// by pid and backend_start, so a pid reused by a newer session is never signalled: the outcome
// says the session was already gone, as it does when no client session has the pid.
class SessionControl
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionControl)

public:
    explicit SessionControl(PgConnection &connection);

    Result<SessionOutcome> run(const SessionAction &action);
    // The client session with this pid as it is now (database, backend_start, user,
    // application, state), std::nullopt when none has it. For a caller that did not list the
    // sessions itself (the command line): what it shows and asks about, and the backend_start
    // run() must match.
    Result<std::optional<ActivitySession>> target(int pid);

    static QString verb(SessionAction::Kind kind);
    // A refusal (nothing was signalled) carries no SQLSTATE; the server's errors always do.
    static bool isRefusal(const Error &error) { return error.code() == ErrorCode::Refused; }

private:
    Error refused(const QString &why) const;
    // run()'s steps. What is refused before anything is sent (what: verb(action.kind)).
    Status refusalBeforeSending(const SessionAction &action, const QString &what) const;
    // What the signalling statement's row r says: gone, refused or signalled.
    Result<SessionOutcome> outcomeOf(const SessionAction &action, const PgResult &r,
                                     const QString &what, const QString &connected) const;
    // The checks of the row that refuse (another database, read-only, not confirmed, not
    // attempted).
    Status refusalInRow(const SessionAction &action, const PgResult &r, const QString &what,
                        const QString &database, const QString &connected) const;

    PgConnection &m_connection;
};

} // namespace uaip
