#pragma once

// Shared by the SQL console guard tests (tst_sqlconsoleguards, tst_sqlcli): a database with a
// non-owner application role (USAGE on public, SELECT/INSERT/UPDATE/DELETE on its tables,
// sequences, EXECUTE and TEMP from PUBLIC as by default), a table, a sequence, a writing
// function and procedure, a view that writes through its function; and what the attacks must
// leave unchanged.
#include "db/pgconnection.h"
#include "testdatabase.h"

#include <QtTest>

namespace uaip::test {

constexpr const char *kConsoleAppRole = "uaip_console_app";

constexpr const char *kConsoleRole
    = "DO $$ BEGIN\n"
      "  CREATE ROLE uaip_console_app LOGIN PASSWORD 'uaip-test-login' NOSUPERUSER NOCREATEDB\n"
      "    NOCREATEROLE;\n"
      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
      "END $$";

constexpr const char *kConsoleFixture[] = {
    "CREATE TABLE t (id int)",
    "INSERT INTO t VALUES (1), (2), (3)",
    "CREATE SEQUENCE s",
    "CREATE FUNCTION qa_writer() RETURNS int LANGUAGE sql AS "
    "'UPDATE t SET id = id + 100; SELECT 1'",
    "CREATE FUNCTION quiet_count() RETURNS bigint STABLE LANGUAGE sql AS "
    "'SELECT count(*) FROM t'",
    "CREATE PROCEDURE p_ins() LANGUAGE sql AS 'INSERT INTO t VALUES (77)'",
    "CREATE VIEW v_writer AS SELECT qa_writer() AS x",
    // marked IMMUTABLE, it writes through the function it calls; planning alone runs it
    "CREATE FUNCTION imm_w() RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT qa_writer()'",
    "CREATE VIEW v_lock AS SELECT 1 AS x FROM (SELECT pg_advisory_lock(4242)) l",
    "GRANT USAGE ON SCHEMA public TO uaip_console_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO uaip_console_app",
    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO uaip_console_app",
};

// The database's fixture made by the superuser (the witness); false on failure.
inline bool makeConsoleFixture(TestDatabase &db)
{
    if (!db.witness().execScript(kConsoleRole).ok())
        return false;
    for (const char *sql : kConsoleFixture)
        if (PgResult r = db.witness().execScript(sql); !r.ok()) {
            qWarning("%s: %s", sql, qPrintable(r.error().toString()));
            return false;
        }
    return true;
}

// The console fixture, then objects made by the app role in its own schema (first on its default
// search_path "$user", public), each statement alone; false on failure (the statement warned).
inline bool makeRoleObjects(TestDatabase &db, const QList<const char *> &objects)
{
    if (!makeConsoleFixture(db))
        return false;
    for (const char *sql :
         {"CREATE SCHEMA uaip_console_app AUTHORIZATION uaip_console_app",
          "SET ROLE uaip_console_app", "SET search_path = uaip_console_app, public"})
        if (!db.witness().execScript(sql).ok())
            return false;
    for (const char *sql : objects)
        if (PgResult r = db.witness().execScript(sql); !r.ok()) {
            qWarning("%s: %s", sql, qPrintable(r.error().toString()));
            return false;
        }
    return db.witness().exec("RESET ROLE").ok() && db.witness().exec("RESET search_path").ok();
}

inline QString appConninfo(const TestDatabase &db)
{
    return db.conninfo() + QStringLiteral(" user=") + QLatin1String(kConsoleAppRole);
}

// What no attack may change: the rows of t, the sequence, the large objects.
inline QString consoleState(TestDatabase &db)
{
    return db.scalar("SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM t) || ' s=' || "
                     "(SELECT last_value || '/' || is_called FROM s) || ' lo=' || "
                     "(SELECT count(*) FROM pg_largeobject_metadata)");
}

} // namespace uaip::test
