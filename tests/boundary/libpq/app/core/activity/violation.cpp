// A product file outside app/core/db that calls libpq: cmake/check_libpq_boundary.cmake must
// refuse it (test libpq_boundary_refuses). Never compiled.
void probe(PGconn *c)
{
    PQexec(c, "SELECT 1");
}
