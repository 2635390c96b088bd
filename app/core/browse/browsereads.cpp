#include "browsereads.h"

#include "catalogreader.h"
#include "db/session.h"
#include "jobs/jobcontext.h"
#include "pagereader.h"
#include "whereclausechecker.h"

namespace uaip {

namespace {

// Notices (RAISE NOTICE of a function in a WHERE clause, warnings) are not shown by the grid:
// taken after every read so they never pile up on the long-lived browse session.
void dropNotices(Session *session)
{
    session->pg().notices().take();
}

} // namespace

BrowseReads::Opened BrowseReads::open(JobContext &context, const QString &schema,
                                      const QString &name, const BrowseQuery &query, int limit,
                                      bool first)
{
    Result<Session *> session = context.session();
    Result<TableInfo> table = !session ? Result<TableInfo>(session.error())
        : first ? CatalogReader::readFirst(session.value()->pg(), schema, name)
                : CatalogReader::readTable(session.value()->pg(), schema, name);
    Result<QList<RowData>> rows = table
        ? PageReader::read(session.value()->pg(), QueryBuilder(table.value(), query),
                           QueryBuilder::PageMode::Head, {}, 0, limit)
        : Result<QList<RowData>>(table.error());
    DatabaseIdentity identity;
    if (session) {
        identity = session.value()->identity();
        dropNotices(session.value());
    }
    return Opened{std::move(table), std::move(identity), std::move(rows)};
}

Result<TableInfo> BrowseReads::readTable(JobContext &context, const QString &schema,
                                         const QString &name)
{
    Result<Session *> session = context.session();
    Result<TableInfo> table = session
        ? CatalogReader::readTable(session.value()->pg(), schema, name)
        : Result<TableInfo>(session.error());
    if (session)
        dropNotices(session.value());
    return table;
}

Status BrowseReads::checkWhere(JobContext &context, const TableInfo &table, const QString &clause)
{
    Result<Session *> session = context.session();
    const Status status = session ? WhereClauseChecker::check(session.value()->pg(), table, clause)
                                  : Status(session.error());
    if (session)
        dropNotices(session.value());
    return status;
}

Result<QList<RowData>> BrowseReads::readPage(JobContext &context, const QueryBuilder &qb,
                                             QueryBuilder::PageMode mode, const QVariantList &key,
                                             qint64 offset, int limit)
{
    Result<Session *> session = context.session();
    Result<QList<RowData>> rows = session
        ? PageReader::read(session.value()->pg(), qb, mode, key, offset, limit)
        : Result<QList<RowData>>(session.error());
    if (session)
        dropNotices(session.value());
    return rows;
}

} // namespace uaip
