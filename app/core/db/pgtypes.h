#pragma once

// libpq's handle types, declared without libpq-fe.h: code outside app/core/db may hold a
// connection or result handle (to pass it back to db/) but never calls libpq itself. The
// typedefs are libpq's own, so both declarations agree where db/ includes libpq-fe.h.
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef struct pg_cancel PGcancel;
