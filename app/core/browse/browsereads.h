#pragma once

#include "db/databaseidentity.h"
#include "error/result.h"
#include "error/status.h"

#include "browsequery.h"
#include "querybuilder.h"
#include "rowdata.h"
#include "tableinfo.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace uaip {

class JobContext;

// What PageLoader's jobs run on its browse session, on the worker's thread: each read takes the
// job's session (or the error why there is none) and drops the session's notices after it.
// Nothing here touches the loader; the jobs send the results back with Job::reply.
class BrowseReads
{
public:
    // A table being opened: its catalog entry, the database it was read from and its first
    // page.
    struct Opened
    {
        Result<TableInfo> table;
        DatabaseIdentity identity;
        Result<QList<RowData>> rows;
    };

    // The catalog and the first page of schema.name; first: the catalog with CatalogReader's
    // readFirst (else readTable).
    static Opened open(JobContext &context, const QString &schema, const QString &name,
                       const BrowseQuery &query, int limit, bool first);
    // The whole catalog entry of schema.name (CatalogReader::readTable).
    static Result<TableInfo> readTable(JobContext &context, const QString &schema,
                                       const QString &name);
    // The server's check of a free WHERE clause (WhereClauseChecker::check).
    static Status checkWhere(JobContext &context, const TableInfo &table, const QString &clause);
    // One page of rows (PageReader::read).
    static Result<QList<RowData>> readPage(JobContext &context, const QueryBuilder &qb,
                                           QueryBuilder::PageMode mode, const QVariantList &key,
                                           qint64 offset, int limit);
};

} // namespace uaip
