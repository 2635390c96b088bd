#pragma once

#include "sessionaction.h"

#include "db/dbresult.h"

#include <QCoreApplication>

namespace uaip {

class PgConnection;

// Cancels or terminates a session, and refuses (an error naming the reason, nothing sent):
// on a read-only profile or a read-only session (default_transaction_read_only at the server);
// for a session of this process (OwnBackends: the console's own sessions, whatever asked); on
// a production profile unless the confirmation is the database name; for a pid that is no
// client session of the server. The result says whether the server signalled the backend.
class SessionControl
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionControl)

public:
    explicit SessionControl(PgConnection &connection);

    DbResult<bool> run(const SessionAction &action);

    static QString verb(SessionAction::Kind kind);
    // A refusal (nothing was sent) carries no SQLSTATE; the server's errors always do.
    static bool isRefusal(const PgError &error) { return error.sqlState.isEmpty(); }

private:
    PgError refused(const QString &why) const;

    PgConnection &m_connection;
};

} // namespace uaip
