// Fixture of boundary_refuses_transaction: nothing here may be named.
// c.exec("BEGIN") in a comment
void g(PgConnection &c)
{
    c.exec(Transaction::beginCommand()); // not "COMMIT" here either
    report(tr("COMMIT failed: %1"));
    c.exec("SELECT 'BEGIN'");
}
