#pragma once

#include "db/transactionoptions.h"
#include "metricsrequest.h"
#include "metricsresult.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

class MetricsTransaction;
class PgConnection;

// Runs one panel's request on a connection: validates it, picks the bucket, builds the bound
// statement from the .sql resources (the panel's metrics/sql/<panel>_rows.sql spliced into
// series.sql) and reads the series. Bucketing, min/max and percentiles are computed by the
// server. Blocking; cancel it with connection.cancel() from another thread (the result is
// then Status::Cancelled).
// Works on any PgConnection: the CLI's own or a GUI Session's.
class MetricsQuery
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MetricsQuery)

public:
    explicit MetricsQuery(PgConnection &connection);

    // Every read in one READ ONLY transaction, rolled back (a savepoint in one already open),
    // each waiting at most kLockTimeout for a table lock: a panel never joins the lock queue of
    // an incident (another session's ACCESS EXCLUSIVE on a table it reads); it fails with code
    // Locked instead, the Activity view showing who holds the lock.
    MetricsResult run(const MetricsRequest &request);
    static constexpr const char *kLockTimeout = "2s";
    // The transaction of every metrics read (run(), MetricsCatalog), as run() says.
    static TransactionOptions readOptions();
    // error, or for a lock timeout (55P03) the Locked error that names panel.
    static Error lockedOr(const Error &error, MetricsPanel panel);

    // Empty when the request is fine; otherwise the message MetricsResult would carry
    // (MetricsRequestValidator).
    static QString validate(const MetricsRequest &request);
    // The bucket run() would use (auto or explicit); invalid if validate() fails.
    static MetricsBucket bucketFor(const MetricsRequest &request);
    // The statement run() sends for the series of [from, to) (for Show SQL before running).
    // keys: the series keys to restrict to (ids, or the top N found first); empty = all.
    static BoundStatement statement(const MetricsRequest &request, const QStringList &keys);
    // The statement of the series' statistics over the raw rows of [from, to) (stats.sql):
    // the legend's min / max / mean / last and the sampling interval. keys as for statement().
    static BoundStatement statsStatement(const MetricsRequest &request, const QStringList &keys);
    // The statement that ranks the series with rows in [from, to) by rows, largest first,
    // the top topN (0 = all): columns key, volume. Not validated: validate() first.
    static BoundStatement rankStatement(const MetricsRequest &request, qint64 topN);

private:
    MetricsResult runReads(MetricsTransaction &tx, const MetricsRequest &request);

    PgConnection &m_connection;
};

} // namespace uaip
