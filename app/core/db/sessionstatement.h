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
// run share one server session. It is prepared by the protocol under name when the session
// does not hold it (first use, or a migration's session reset ran DEALLOCATE ALL); a statement
// of that name the session made with SQL (PREPARE through EXECUTE in a migration: from_sql) is
// never run in its place: the query then runs unprepared. A prepared statement outlives the
// transaction's rollback.
class SessionStatement
{
public:
    static PgResult run(PgConnection &connection, const QByteArray &name, const QByteArray &sql,
                        const QVariantList &params = {});
};

} // namespace uaip
