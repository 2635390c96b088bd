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
}
