#include "workloadreader.h"

#include "insightsreading.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

WorkloadReader::WorkloadReader(PgConnection &connection, const InsightsCapabilities &capabilities)
    : m_connection(connection)
    , m_capabilities(capabilities)
{ }

QString WorkloadReader::ownStatements()
{
    // and the read-only guard's probe of a statement (StatementResolution's temporary view,
    // whose first line is its own): the statement it wraps is the user's, counted apart
    QStringList lines = SqlResource::firstLines();
    lines << QStringLiteral("CREATE TEMP VIEW uaip_resolution_probe AS SELECT FROM (");
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(lines)).toJson(QJsonDocument::Compact));
}

QByteArray WorkloadReader::withSchema(const char *name) const
{
    return SqlResource::of("insights", name)
        .replace("%SCHEMA%",
                 m_connection.quoteIdentifier(
                     m_capabilities.schemaOf(QLatin1String(InsightsCapabilities::kStatements))));
}

Result<Workload> WorkloadReader::top(Order order, int limit)
{
    const QString statements = QLatin1String(InsightsCapabilities::kStatements);
    if (!m_capabilities.ready(statements))
        return m_capabilities.notReady(statements);
    Transaction tx(m_connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s.error();
    const std::vector<PgResult> results = m_connection.pipeline(
        {withSchema("top_queries"), withSchema("statements_info")},
        {QVariantList{order == Order::MeanTime ? QStringLiteral("mean") : QStringLiteral("total"),
                      limit, ownStatements()},
         QVariantList{}});
    for (const PgResult &r : results)
        if (!r.ok()) {
            return Error(r.error()).in(
                tr("cannot read pg_stat_statements in %1").arg(m_connection.database()));
        }
    Workload w;
    const PgResult &q = results[0];
    for (int i = 0; i < q.rows(); ++i) {
        QueryStat s;
        s.queryId = q.value(i, "queryid");
        s.query = q.value(i, "query");
        s.user = q.value(i, "username");
        s.calls = q.value(i, "calls").toLongLong();
        s.totalMs = q.value(i, "total_exec_time").toDouble();
        s.meanMs = q.value(i, "mean_exec_time").toDouble();
        s.rows = q.value(i, "rows").toLongLong();
        s.sharedHit = q.value(i, "shared_blks_hit").toLongLong();
        s.sharedRead = q.value(i, "shared_blks_read").toLongLong();
        s.sharePercent = q.value(i, "share").toDouble();
        w.databaseTotalMs = q.value(i, "database_total").toDouble();
        if (s.textHidden())
            ++w.hiddenTexts;
        w.queries.append(s);
    }
    w.since = results[1].value(0, "since");
    w.deallocated = results[1].value(0, "dealloc").toLongLong();
    if (Status s = tx.end(); !s)
        return s.error();
    return w;
}

} // namespace uaip
