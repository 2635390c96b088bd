#pragma once

#include "error/result.h"

#include "querybuilder.h"
#include "rowdata.h"

#include <QList>

namespace uaip {

class PgConnection;

// Reads one page of rows for PageLoader on the calling thread (the loader's worker): runs the
// parts of the page query (QueryBuilder::pageParts) until the page holds `limit` rows, inside a
// read-only transaction when the query has a free WHERE clause. Pages read backwards (Before,
// Tail) come back in display order. Returns the rows or the error.
class PageReader
{
public:
    static Result<QList<RowData>> read(PgConnection &connection, const QueryBuilder &qb,
                                       QueryBuilder::PageMode mode, const QVariantList &key,
                                       qint64 offset, int limit);
};

} // namespace uaip
