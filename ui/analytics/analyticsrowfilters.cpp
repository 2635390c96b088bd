#include "analyticsrowfilters.h"

#include "analyticschart.h"

#include <QTimeZone>

#include <algorithm>

namespace uaip {

namespace {

using Op = ColumnFilter::Op;

// "time > start - 1 µs" is "time >= start" for timestamptz (microsecond resolution): the
// filter bar has no >=.
QString justBefore(const QDateTime &t)
{
    return t.addMSecs(-1).toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("999+00:00");
}

} // namespace

QList<ColumnFilter> AnalyticsRowFilters::of(MetricsPanel panel, const MetricsRequest &request,
                                            const MetricsBucket &bucket,
                                            const MetricsSeries &series, qint64 bucketMs)
{
    const auto it
        = std::find_if(series.points.cbegin(), series.points.cend(),
                       [bucketMs](const MetricsPoint &p) { return p.startMs == bucketMs; });
    if (it == series.points.cend())
        return {};
    const QDateTime bucketEnd = AnalyticsChart::bucketEnd(it->bucketStart(), bucket,
                                                          QTimeZone(request.timeZone.toUtf8()));
    QList<ColumnFilter> filters;
    const QString period = metricsPanelPeriodColumn(panel);
    if (it->byPeriod && !period.isEmpty()) {
        // Rows recorded in the range, in the bucket by the start of the period they measure
        // (which may lie before the range): what the query read.
        filters = timeFilters(panel, request, request.from, request.to);
        filters.append({period, Op::Greater, justBefore(it->bucketStart()), {}});
        filters.append({period, Op::Less, bucketEnd.toUTC().toString(Qt::ISODateWithMs), {}});
    } else {
        // The bucket, clipped to the range asked for (the first and last bucket may stick out).
        filters = timeFilters(panel, request, std::max(it->bucketStart(), request.from),
                              std::min(bucketEnd, request.to));
    }
    filters.append(keyFilters(panel, series.key));
    filters.append(measureFilters(panel, request));
    return filters;
}

QList<ColumnFilter> AnalyticsRowFilters::timeFilters(MetricsPanel panel,
                                                     const MetricsRequest &request,
                                                     const QDateTime &start, const QDateTime &end)
{
    QList<ColumnFilter> filters;
    const QString time = metricsPanelTimeColumn(panel);
    if (panel == MetricsPanel::Tokens) {
        const QTimeZone zone(request.timeZone.toUtf8());
        const QDate first = start.toTimeZone(zone).date();
        const QDateTime e = end.toTimeZone(zone);
        const QDate last = e.time() == QTime(0, 0) ? e.date().addDays(-1) : e.date();
        filters.append({time, Op::Greater, first.addDays(-1).toString(Qt::ISODate), {}});
        filters.append({time, Op::Less, last.addDays(1).toString(Qt::ISODate), {}});
    } else {
        filters.append({time, Op::Greater, justBefore(start), {}});
        filters.append({time, Op::Less, end.toUTC().toString(Qt::ISODateWithMs), {}});
    }
    return filters;
}

QList<ColumnFilter> AnalyticsRowFilters::keyFilters(MetricsPanel panel, const QString &key)
{
    QList<ColumnFilter> filters;
    const QStringList keyColumns = metricsPanelKeyColumns(panel);
    const QStringList parts
        = panel == MetricsPanel::Tokens ? key.split(QLatin1Char('|')) : QStringList{key};
    for (int i = 0; i < keyColumns.size() && i < parts.size(); ++i) {
        if (parts.at(i).isEmpty())
            filters.append({keyColumns.at(i), Op::IsNull, {}, {}});
        else
            filters.append({keyColumns.at(i), Op::Equal, parts.at(i), {}});
    }
    return filters;
}

QList<ColumnFilter> AnalyticsRowFilters::measureFilters(MetricsPanel panel,
                                                        const MetricsRequest &request)
{
    QList<ColumnFilter> filters;
    if (panel != MetricsPanel::Persona && panel != MetricsPanel::Capability)
        return filters;
    filters.append({panel == MetricsPanel::Persona ? QStringLiteral("metric_name")
                                                   : QStringLiteral("capability_name"),
                    Op::Equal,
                    request.metricName,
                    {}});
    if (!request.metricType.isEmpty())
        filters.append({QStringLiteral("metric_type"), Op::Equal, request.metricType, {}});
    return filters;
}

} // namespace uaip
