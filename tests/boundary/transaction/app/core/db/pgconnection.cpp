// Fixture of boundary_refuses_transaction: db/ is no exception, but transaction.cpp.
PgResult PgConnection::abort()
{
    return exec("ABORT");
}
