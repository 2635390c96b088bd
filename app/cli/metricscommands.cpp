#include "metricscommands.h"

#include "clicontext.h"
#include "metrics/metricsexport.h"
#include "metrics/metricsquery.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

namespace uaip {

namespace {

// "now", "now-7d" (s, m, h, d, w), an ISO 8601 date ("2026-03-29": local midnight in zone)
// or date-time (with an offset or Z; without one: local time in zone).
std::optional<QDateTime> parseTime(const QString &text, const QTimeZone &zone)
{
    static const QRegularExpression relative(QStringLiteral("^now(?:-([0-9]{1,6})([smhdw]))?$"));
    const QRegularExpressionMatch rel = relative.match(text);
    if (rel.hasMatch()) {
        QDateTime now = QDateTime::currentDateTime().toTimeZone(zone);
        if (rel.captured(1).isEmpty())
            return now;
        const qint64 n = rel.captured(1).toLongLong();
        const QChar unit = rel.captured(2).at(0);
        if (unit == u'd')
            return now.addDays(-n);
        if (unit == u'w')
            return now.addDays(-7 * n);
        return now.addSecs(-n * (unit == u's' ? 1 : unit == u'm' ? 60 : 3600));
    }
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(text).hasMatch()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return std::nullopt;
        return QDateTime(d, QTime(0, 0), zone);
    }
    static const QRegularExpression withOffset(QStringLiteral("(Z|[+-]\\d{2}:?\\d{2})$"));
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (!withOffset.match(text).hasMatch())
        t = QDateTime(t.date(), t.time(), zone);
    return t;
}

} // namespace

int MetricsCommands::run(CliContext &ctx)
{
    const QCommandLineParser &p = ctx.parser();
    if (ctx.args().isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("metrics needs a panel: %1").arg(metricsPanelNames().join(u'|'))));
    const std::optional<MetricsPanel> panel = metricsPanelFromName(ctx.args().first());
    if (!panel)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("unknown panel \"%1\" (one of: %2)")
                                  .arg(ctx.args().first(), metricsPanelNames().join(u'|')),
                              {{QStringLiteral("panel"), ctx.args().first()}}));
    if (ctx.args().size() > 1)
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("unexpected argument \"%1\" for \"metrics\"").arg(ctx.args().at(1)),
                  {{QStringLiteral("argument"), ctx.args().at(1)}}));

    const QString format = p.value(QStringLiteral("format"));
    if (format != u"csv" && format != u"json")
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--format \"%1\" is not csv or json").arg(format),
                              {{QStringLiteral("option"), QStringLiteral("format")}}));
    const bool json = format == u"json" || ctx.out().json();

    MetricsRequest request;
    request.panel = *panel;
    if (const int e = readTimeRange(ctx, &request))
        return e;
    if (const int e = readSeriesOptions(ctx, &request))
        return e;

    if (const QString problem = MetricsQuery::validate(request); !problem.isEmpty())
        return ctx.fail(2, Error(ErrorCode::BadInput, problem));

    PgConnection *connection = ctx.connect();
    if (!connection)
        return 2; // as every command: reported by connect()
    const MetricsResult result = MetricsQuery(*connection).run(request);
    if (result.error.code() == ErrorCode::BadInput)
        return ctx.fail(2, result.error);
    if (!result.ok())
        return ctx.fail(1, result.error);

    print(ctx.out(), request, result, json);
    return 0;
}

int MetricsCommands::readTimeRange(CliContext &ctx, MetricsRequest *request)
{
    const QCommandLineParser &p = ctx.parser();
    request->timeZone = p.isSet(QStringLiteral("tz"))
        ? p.value(QStringLiteral("tz"))
        : QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (request->timeZone.isEmpty())
        request->timeZone = QStringLiteral("UTC");
    if (!QTimeZone(request->timeZone.toUtf8()).isValid())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--tz: unknown time zone \"%1\" (an IANA name such as "
                                 "Europe/Berlin)")
                                  .arg(request->timeZone),
                              {{QStringLiteral("option"), QStringLiteral("tz")}}));
    const QTimeZone zone(request->timeZone.toUtf8());

    for (const char *name : {"from", "to"}) {
        const QString option = QString::fromLatin1(name);
        if (!p.isSet(option))
            return ctx.fail(2,
                            Error(ErrorCode::BadInput, tr("metrics needs --from and --to"),
                                  {{QStringLiteral("option"), option}}));
        const std::optional<QDateTime> t = parseTime(p.value(option), zone);
        if (!t)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--%1 \"%2\" is not a time (ISO 8601 such as "
                                     "2026-03-29T12:00:00+02:00 or 2026-03-29, or "
                                     "now, now-7d)")
                                      .arg(option, p.value(option)),
                                  {{QStringLiteral("option"), option}}));
        (option == u"from" ? request->from : request->to) = *t;
    }
    return 0;
}

int MetricsCommands::readSeriesOptions(CliContext &ctx, MetricsRequest *request)
{
    const QCommandLineParser &p = ctx.parser();
    bool ok = false;
    request->widthPx = p.value(QStringLiteral("width")).toInt(&ok);
    if (!ok)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--width \"%1\" is not a number of pixels")
                                  .arg(p.value(QStringLiteral("width"))),
                              {{QStringLiteral("option"), QStringLiteral("width")}}));
    const QString bucket = p.value(QStringLiteral("bucket"));
    if (bucket != u"auto") {
        request->bucket = MetricsBucket::parse(bucket);
        if (!request->bucket)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--bucket \"%1\" is not auto or a size such as 1s, "
                                     "5m, 1h (up to 12h), 1d, 1w, 1mo, 1q, 1y")
                                      .arg(bucket),
                                  {{QStringLiteral("option"), QStringLiteral("bucket")}}));
    }
    request->topN = p.value(QStringLiteral("top")).toInt(&ok);
    if (!ok)
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("--top \"%1\" is not a number").arg(p.value(QStringLiteral("top"))),
                  {{QStringLiteral("option"), QStringLiteral("top")}}));
    request->metricName = p.value(QStringLiteral("metric"));
    request->metricType = p.value(QStringLiteral("metric-type"));
    if (p.isSet(QStringLiteral("ids")))
        request->ids = p.value(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts);
    request->withPercentiles = true; // the CLI prints p50/p95 too
    request->previousPeriod = p.isSet(QStringLiteral("previous"));
    return 0;
}

void MetricsCommands::print(CliOutput &output, const MetricsRequest &request,
                            const MetricsResult &result, bool json)
{
    QTextStream out(output.outDevice());
    if (json) {
        out << QJsonDocument(MetricsExport::json(request, result)).toJson(QJsonDocument::Indented);
    } else {
        out << QString::fromUtf8(MetricsExport::csv(request, result));
        if (result.noData())
            QTextStream(output.errDevice())
                << QStringLiteral("uaip-migrate: %1\n")
                       .arg(tr("no data in this range (bucket %1)").arg(result.bucket.label()));
    }
}

} // namespace uaip
