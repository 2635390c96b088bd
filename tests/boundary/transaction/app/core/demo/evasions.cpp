// clang-format off
// (the planted evasions are spelled as written, not as formatted)
// Fixture of boundary_refuses_transaction: commands hidden from a plain reading; each must be
// named.
void h(PgConnection &c)
{
    c.exec("begin");
    c.exec("/* x */ COMMIT");
    c.exec("-- n\nCOMMIT");
    c.exec("COM" "MIT");
    c.exec("ROLL"
           "BACK");
    c.exec("  -- a comment\n  /* and another */ savepoint s");
    c.exec("release s");
    c.exec(R"(
        start transaction isolation level serializable)");
    // (e) escapes
    c.exec("\x43OMMIT");
    c.exec("\103OMMIT");
    c.exec("\fCOMMIT");
    c.exec("\u0043OMMIT");
    c.exec("\x42" "EGIN");
    c.exec("COMMIT\0 and the rest");
    c.exec("COM" R"(MIT)");
    // (f) a nested SQL comment
    c.exec("/* a /* nested */ comment */ COMMIT");
    // (g) a call that only ends in tr(, and prose before a command on the same line
    c.exec(sqlStr("rollback"));
    report(tr("rollback")); c.exec("rollback");
    // a DO block's body
    c.exec("DO $$BEGIN PERFORM 1; COMMIT; END$$");
    // (h) a later statement of the literal
    c.exec("SELECT 1; COMMIT");
    // (i) a raw string whose delimiter a regular expression cannot match
    c.exec(R"a(x)")a");
}
