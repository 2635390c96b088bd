#include "metricscatalog.h"

#include "db/boundstatement.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "metricslabels.h"
#include "metricsquery.h"

namespace uaip {

MetricsCatalog::MetricsCatalog(PgConnection &connection)
    : m_connection(connection)
{ }

MetricsCatalog::Choices MetricsCatalog::choices(MetricsPanel panel)
{
    Choices result;
    switch (panel) {
    case MetricsPanel::Persona:
    case MetricsPanel::Capability: {
        const QByteArray name = QStringLiteral("%1_choices").arg(metricsPanelName(panel)).toUtf8();
        Transaction tx(m_connection); // never waits on a table lock (MetricsQuery::run)
        if (Status begun = tx.begin(MetricsQuery::readOptions()); !begun) {
            result.error = begun.error();
            return result;
        }
        const PgResult r = m_connection.exec(SqlResource::of("metrics", name.constData()));
        tx.end();
        if (!r.ok()) {
            result.error = MetricsQuery::lockedOr(Error(r.error()), panel);
            return result;
        }
        for (int i = 0; i < r.rows(); ++i)
            result.choices.append({r.value(i, 0), r.value(i, 1), r.value(i, 2).toLongLong()});
        break;
    }
    case MetricsPanel::Tools:
        result.choices.append({QString(), QStringLiteral("execution_time"), -1});
        break;
    case MetricsPanel::Interactions:
        result.choices.append({QString(), QStringLiteral("tokens"), -1});
        result.choices.append({QString(), QStringLiteral("response_time"), -1});
        break;
    case MetricsPanel::Tokens:
        result.choices.append({QString(), QStringLiteral("tokens"), -1});
        result.choices.append({QString(), QStringLiteral("cost"), -1});
        break;
    }
    return result;
}

MetricsCatalog::SeriesList MetricsCatalog::series(const MetricsRequest &request)
{
    SeriesList result;
    MetricsRequest all = request;
    all.ids.clear();
    all.topN = 0;
    all.bucket.reset();
    if (const QString problem = MetricsQuery::validate(all); !problem.isEmpty()) {
        result.error = Error(ErrorCode::BadInput, problem);
        return result;
    }

    Transaction tx(m_connection); // never waits on a table lock (MetricsQuery::run)
    if (Status begun = tx.begin(MetricsQuery::readOptions()); !begun) {
        result.error = begun.error();
        return result;
    }
    result = readSeries(request);
    tx.end();
    result.error = MetricsQuery::lockedOr(result.error, request.panel);
    return result;
}

MetricsCatalog::SeriesList MetricsCatalog::readSeries(const MetricsRequest &request)
{
    SeriesList result;
    MetricsRequest all = request;
    all.ids.clear();
    all.topN = 0;
    all.bucket.reset();
    const BoundStatement rank = MetricsQuery::rankStatement(all, 0);
    const PgResult r = m_connection.exec(rank.sql, rank.params);
    if (!r.ok()) {
        result.error = Error(r.error()).in(
            tr("the %1 series query failed").arg(metricsPanelName(request.panel)));
        return result;
    }
    QStringList keys;
    for (int i = 0; i < r.rows(); ++i) {
        keys << r.value(i, 0);
        result.series.append(
            MetricsSeries{r.value(i, 0), r.value(i, 0), r.value(i, 1).toLongLong(), {}, {}});
    }
    const MetricsLabels::Lookup labels = MetricsLabels::fetch(m_connection, request.panel, keys);
    if (!labels.ok()) {
        result.error = labels.error.in(
            tr("the %1 labels query failed").arg(metricsPanelName(request.panel)));
        result.series.clear();
        return result;
    }
    for (MetricsSeries &s : result.series)
        s.label = labels.labels.value(s.key, s.key);
    return result;
}

} // namespace uaip
