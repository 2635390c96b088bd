// Inside app/core/db libpq is allowed: the check must not name this file. Never compiled.
#include <libpq-fe.h>
