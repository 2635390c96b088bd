#include "metricsexport.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>
#include <optional>

namespace uaip {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString field(const std::optional<double> &v)
{
    return v ? MetricsExport::number(*v) : QString();
}

QJsonValue jsonValue(const std::optional<double> &v)
{
    if (!v || !std::isfinite(*v))
        return QJsonValue(QJsonValue::Null);
    return *v;
}

// The panel's own columns, in csvColumns() order after "count".
QList<std::optional<double>> extras(MetricsPanel panel, const MetricsPoint &p)
{
    switch (panel) {
    case MetricsPanel::Tools:
    case MetricsPanel::Interactions:
        return {p.rate};
    case MetricsPanel::Capability:
        return {p.baseline, p.target, p.confidence};
    case MetricsPanel::Tokens:
        return {p.sum};
    case MetricsPanel::Persona:
        break;
    }
    return {};
}

QString bucketText(const QDateTime &t)
{
    return t.toString(Qt::ISODate);
}

} // namespace

QString MetricsExport::number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QStringList MetricsExport::csvColumns(MetricsPanel panel)
{
    QStringList columns{QStringLiteral("bucket_start"), QStringLiteral("series_key"),
                        QStringLiteral("series_label"), QStringLiteral("mean"),
                        QStringLiteral("min"),          QStringLiteral("max"),
                        QStringLiteral("p50"),          QStringLiteral("p95"),
                        QStringLiteral("count")};
    switch (panel) {
    case MetricsPanel::Tools:
        columns << QStringLiteral("success_rate");
        break;
    case MetricsPanel::Interactions:
        columns << QStringLiteral("failure_rate");
        break;
    case MetricsPanel::Capability:
        columns << QStringLiteral("baseline") << QStringLiteral("target")
                << QStringLiteral("confidence");
        break;
    case MetricsPanel::Tokens:
        columns << QStringLiteral("sum");
        break;
    case MetricsPanel::Persona:
        break;
    }
    return columns;
}

QByteArray MetricsExport::csv(const MetricsRequest &request, const MetricsResult &result)
{
    QStringList columns = csvColumns(request.panel);
    if (request.previousPeriod)
        columns << QStringLiteral("period");
    QString out = columns.join(u',') + u'\n';
    auto rows = [&](const QList<MetricsSeries> &list, const QString &period) {
        for (const MetricsSeries &s : list) {
            for (const MetricsPoint &p : s.points) {
                QStringList row{bucketText(p.bucketStart()),
                                csvField(s.key),
                                csvField(s.label),
                                field(p.mean),
                                field(p.min),
                                field(p.max),
                                field(p.p50),
                                field(p.p95),
                                QString::number(p.count)};
                for (const std::optional<double> &e : extras(request.panel, p))
                    row << field(e);
                if (request.previousPeriod)
                    row << period;
                out += row.join(u',') + u'\n';
            }
        }
    };
    rows(result.series, QStringLiteral("current"));
    if (request.previousPeriod)
        rows(result.previous, QStringLiteral("previous"));
    return out.toUtf8();
}

QJsonObject MetricsExport::json(const MetricsRequest &request, const MetricsResult &result)
{
    const QStringList columns = csvColumns(request.panel).mid(9);
    auto seriesArray = [&](const QList<MetricsSeries> &list) {
        QJsonArray series;
        for (const MetricsSeries &s : list) {
            QJsonArray points;
            for (const MetricsPoint &p : s.points) {
                QJsonObject o{{QStringLiteral("bucket_start"), bucketText(p.bucketStart())},
                              {QStringLiteral("mean"), jsonValue(p.mean)},
                              {QStringLiteral("min"), jsonValue(p.min)},
                              {QStringLiteral("max"), jsonValue(p.max)},
                              {QStringLiteral("p50"), jsonValue(p.p50)},
                              {QStringLiteral("p95"), jsonValue(p.p95)},
                              {QStringLiteral("count"), p.count}};
                const QList<std::optional<double>> e = extras(request.panel, p);
                for (qsizetype i = 0; i < e.size() && i < columns.size(); ++i)
                    o.insert(columns.at(i), jsonValue(e.at(i)));
                points.append(o);
            }
            series.append(QJsonObject{{QStringLiteral("key"), s.key},
                                      {QStringLiteral("label"), s.label},
                                      {QStringLiteral("volume"), s.volume},
                                      {QStringLiteral("points"), points}});
        }
        return series;
    };
    QJsonArray params;
    for (const QVariant &v : result.statement.params)
        params.append(v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.toString()));
    QJsonObject doc{
        {QStringLiteral("ok"), true},
        {QStringLiteral("panel"), metricsPanelName(request.panel)},
        {QStringLiteral("from"), request.from.toString(Qt::ISODateWithMs)},
        {QStringLiteral("to"), request.to.toString(Qt::ISODateWithMs)},
        {QStringLiteral("time_zone"), request.timeZone},
        {QStringLiteral("width_px"), request.widthPx},
        {QStringLiteral("bucket"), result.bucket.label()},
        {QStringLiteral("no_data"), result.noData()},
        {QStringLiteral("sql"), QString::fromUtf8(result.statement.sql)},
        {QStringLiteral("params"), params},
        {QStringLiteral("series"), seriesArray(result.series)},
    };
    if (request.previousPeriod) {
        doc.insert(QStringLiteral("previous_series"), seriesArray(result.previous));
        doc.insert(QStringLiteral("previous_offset_ms"), double(result.previousOffsetMs));
    }
    return doc;
}

} // namespace uaip
