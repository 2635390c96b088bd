#pragma once

#include "pgresult.h"

#include <QByteArray>
#include <QVariantList>

namespace uaip {

class PgConnection;

// A catalog read the console runs many times on one session (a schema snapshot or the
// definitions after every migration of verify and import-migrations): planned once per session
// instead of at every call, where planning costs about as much as running it.
//
// The caller runs it in a transaction of its own, begun on an idle connection: never PREPAREd
// in someone else's transaction block, and behind a pooler the check, the preparation and the
// run share one server session. It is prepared by the protocol under its name (nameOf: the
// caller's name and a hash of the SQL) when the session does not hold it (first use, or a
// migration's session reset ran DEALLOCATE ALL); a statement of that name the session made with
// SQL (PREPARE through EXECUTE in a migration: from_sql) is never run in its place: the query
// then runs unprepared. The hash keeps another version of the console, whose SQL differs, from
// running this one's statement or this one its: behind a pooler in transaction mode a server
// session, and the statements prepared on it, pass from one client to the next. A prepared
// statement outlives the transaction's rollback.
class SessionStatement
{
public:
    static PgResult run(PgConnection &connection, const QByteArray &baseName, const QByteArray &sql,
                        const QVariantList &params = {});
    // The name sql is prepared under: baseName, '_' and 16 hex digits of its SHA-256.
    static QByteArray nameOf(const QByteArray &baseName, const QByteArray &sql);
};

} // namespace uaip
