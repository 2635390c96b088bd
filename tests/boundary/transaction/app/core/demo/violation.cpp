// Fixture of boundary_refuses_transaction: each literal here must be named.
void f(PgConnection &c, bool readOnly)
{
    c.exec("BEGIN");
    c.exec(QByteArrayLiteral("ROLLBACK TO SAVEPOINT mine"));
    c.exec(readOnly ? "SET TRANSACTION READ ONLY" : "COMMIT");
    c.exec("END");
    c.exec("\n  ROLLBACK");
    c.exec(R"sql(SAVEPOINT s)sql");
    /* a comment first */ c.exec("RELEASE SAVEPOINT s");
    c.exec("PREPARE  TRANSACTION 'x'");
}
