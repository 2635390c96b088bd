#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <pg_query/pg_query.pb-c.h>

namespace uaip {

// What one statement of the SQL console leaves on the server session after its transaction
// ends, read from its parse tree (libpg_query): SET/RESET without LOCAL (SET ROLE, SET SESSION
// AUTHORIZATION, SET SESSION CHARACTERISTICS too), PREPARE, a temporary table, view or sequence
// (CREATE TEMP ..., CREATE TEMP TABLE AS, SELECT INTO TEMP), an object created in pg_temp
// (CREATE TABLE pg_temp.x, CREATE FUNCTION pg_temp.f), LISTEN, DECLARE ... WITH HOLD,
// LOAD, and the calls of pg_advisory_lock, pg_advisory_lock_shared, pg_try_advisory_lock,
// pg_try_advisory_lock_shared, dblink_connect(_u) and set_config whose is_local is not a
// literal true. Behind a transaction pooler that state stays on a pooled backend for the
// pool's next client, so the console refuses such statements there (SqlRunner).
//
// What it cannot see: a function that sets session state inside its body (a user function
// calling set_config(..., false) or pg_advisory_lock), or a call whose name is built at run
// time (EXECUTE format(...) in a DO block). Those are not refused.
class SessionStateUse
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionStateUse)

public:
    // For messages: "SET statement_timeout without LOCAL", "PREPARE", ...; empty when the
    // statement leaves nothing the parse tree shows. stmt is the statement's node in
    // libpg_query's typed tree (PgParseTree), functions what StatementClass found it calls.
    static QString of(const PgQuery__Node *stmt, const QStringList &functions);
};

} // namespace uaip
