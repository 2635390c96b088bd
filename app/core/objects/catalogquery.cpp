#include "catalogquery.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <QCoreApplication>

namespace uaip {

namespace {

// The first failed result of a pipeline, or a set error when fewer results came than commands
// were sent (a lost connection).
Status firstError(PgConnection &connection, const std::vector<PgResult> &results, size_t sent)
{
    for (const PgResult &each : results)
        if (!each.ok())
            return Error(each.error());
    if (results.size() >= sent)
        return {};
    const QString libpq = connection.lastLibpqMessage();
    return Error(ErrorCode::Connection,
                 libpq.isEmpty() ? QCoreApplication::translate(
                     "uaip::CatalogQuery", "the connection ended before the answer")
                                 : libpq);
}

} // namespace

Result<PgResult> CatalogQuery::run(PgConnection &connection, const QByteArray &sql,
                                   const QVariantList &params)
{
    const QByteArray pin = SqlResource::of("objects", "pin_search_path");
    if (connection.inTransaction()) {
        std::vector<PgResult> r = connection.pipeline(
            {pin, sql, SqlResource::of("objects", "unpin_search_path")}, {{}, params, {}});
        for (const PgResult &each : r)
            if (!each.ok())
                return Error(each.error());
        return Result<PgResult>(std::move(r[1]));
    }
    // a read that would wait on another session's table lock (a view's definition reads its
    // tables' lock) ends instead; sizes never wait (objects/sql: pg_locks is looked at first)
    TransactionOptions options = TransactionOptions::readOnlyRolledBack();
    options.settings = {{QStringLiteral("lock_timeout"), QStringLiteral("2s")}};
    Transaction tx(connection);
    if (Status s = tx.begin(options); !s)
        return s.error();
    std::vector<PgResult> r = connection.pipeline({pin, sql}, {{}, params});
    if (Status s = firstError(connection, r, 2); !s)
        return s.error();
    tx.end(); // a read: rolled back, nothing to keep
    return Result<PgResult>(std::move(r[1]));
}

} // namespace uaip
