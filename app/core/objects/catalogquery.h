#pragma once

#include "db/pgresult.h"
#include "error/result.h"

#include <QByteArray>
#include <QVariantList>

namespace uaip {

class PgConnection;

// How ObjectCatalog sends its statements: one statement of objects/sql/ with bound values, run
// with search_path empty (pin_search_path.sql), as pg_dump runs, so that the server's pg_get_*
// functions, format_type and regclass write every name outside pg_catalog with its schema.
// On an idle connection the read runs in a READ ONLY transaction of its own, rolled back
// after; inside the caller's transaction the search_path is set back after the read
// (unpin_search_path.sql). Two or three round trips: BEGIN, then the setting and the
// statement in one pipeline.
class CatalogQuery
{
public:
    static Result<PgResult> run(PgConnection &connection, const QByteArray &sql,
                                const QVariantList &params = {});
};

} // namespace uaip
