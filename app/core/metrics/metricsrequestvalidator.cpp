#include "metricsrequestvalidator.h"

#include <QTimeZone>
#include <QUuid>

namespace uaip {

namespace {

constexpr int kMaxWidthPx = 100000;

const QStringList &personaTypes()
{
    static const QStringList t{QStringLiteral("usage"), QStringLiteral("performance"),
                               QStringLiteral("satisfaction"), QStringLiteral("engagement"),
                               QStringLiteral("effectiveness")};
    return t;
}

const QStringList &capabilityTypes()
{
    static const QStringList t{QStringLiteral("performance"), QStringLiteral("usage"),
                               QStringLiteral("accuracy"), QStringLiteral("efficiency"),
                               QStringLiteral("reliability")};
    return t;
}

bool uuidKeys(MetricsPanel panel)
{
    return panel == MetricsPanel::Persona || panel == MetricsPanel::Capability
        || panel == MetricsPanel::Tools;
}

QString quoted(const QString &text)
{
    return u'\'' + text + u'\'';
}

// The range, the time zone, the plot width and top N:
QString rangeProblem(const MetricsRequest &request)
{
    if (!request.from.isValid() || !request.to.isValid())
        return QStringLiteral("the range needs a valid start and end (from, to)");
    if (request.from >= request.to)
        return QStringLiteral("the range is empty or reversed: from %1 is not before to %2")
            .arg(request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate));
    if (request.from.date().year() < 1 || request.to.date().year() > 9999)
        return QStringLiteral("the range must lie within the years 1 to 9999");
    if (request.timeZone.isEmpty())
        return QStringLiteral("no time zone given (an IANA name such as Europe/Berlin)");
    if (!QTimeZone(request.timeZone.toUtf8()).isValid())
        return QStringLiteral("unknown time zone %1 (an IANA name such as Europe/Berlin)")
            .arg(quoted(request.timeZone));
    if (request.widthPx < 1 || request.widthPx > kMaxWidthPx)
        return QStringLiteral("plot width %1 px is out of range (1 to %2)")
            .arg(request.widthPx)
            .arg(kMaxWidthPx);
    if (request.topN < 0)
        return QStringLiteral("top N must be 0 (all series) or more, not %1").arg(request.topN);
    return QString();
}

QString metricProblem(const MetricsRequest &request, const QString &panel)
{
    if (request.metricName.contains(QChar(0)) || request.metricType.contains(QChar(0)))
        return QStringLiteral("the metric name or type contains a NUL character");
    switch (request.panel) {
    case MetricsPanel::Persona:
    case MetricsPanel::Capability: {
        if (request.metricName.isEmpty())
            return QStringLiteral("the %1 panel needs a metric name (%2)")
                .arg(panel,
                     request.panel == MetricsPanel::Persona
                         ? QStringLiteral("persona_analytics.metric_name")
                         : QStringLiteral("agent_capability_metrics.capability_name"));
        const QStringList &types
            = request.panel == MetricsPanel::Persona ? personaTypes() : capabilityTypes();
        if (!request.metricType.isEmpty() && !types.contains(request.metricType))
            return QStringLiteral("unknown metric type %1 for the %2 panel (one of: %3)")
                .arg(quoted(request.metricType), panel, types.join(QStringLiteral(", ")));
        break;
    }
    case MetricsPanel::Tools:
    case MetricsPanel::Interactions:
    case MetricsPanel::Tokens: {
        if (!request.metricType.isEmpty())
            return QStringLiteral("the %1 panel has no metric type (got %2)")
                .arg(panel, quoted(request.metricType));
        const QStringList names = MetricsRequestValidator::fixedNames(request.panel);
        if (!request.metricName.isEmpty() && !names.contains(request.metricName)) {
            if (names.isEmpty())
                return QStringLiteral("the tools panel has one measurement (execution time); "
                                      "got metric %1")
                    .arg(quoted(request.metricName));
            return QStringLiteral("unknown metric %1 for the %2 panel (one of: %3)")
                .arg(quoted(request.metricName), panel, names.join(QStringLiteral(", ")));
        }
        break;
    }
    }
    return QString();
}

QString idsProblem(const MetricsRequest &request, const QString &panel)
{
    for (const QString &id : request.ids) {
        if (id.contains(QChar(0)))
            return QStringLiteral("a series id contains a NUL character");
        if (uuidKeys(request.panel) && QUuid::fromString(id).isNull())
            return QStringLiteral("series id %1 is not a uuid (the %2 panel's series are uuids)")
                .arg(quoted(id), panel);
        if (request.panel == MetricsPanel::Tokens && !id.contains(u'|'))
            return QStringLiteral("series id %1 is not \"model|organisation id\" (the tokens "
                                  "panel's series; \"model|\" for unattributed use)")
                .arg(quoted(id));
        if (request.panel == MetricsPanel::Tokens) {
            const QString org = id.section(u'|', -1);
            if (!org.isEmpty() && QUuid::fromString(org).isNull())
                return QStringLiteral("series id %1: organisation %2 is not a uuid")
                    .arg(quoted(id), quoted(org));
        }
    }
    return QString();
}

QString bucketProblem(const MetricsRequest &request)
{
    if (request.bucket) {
        const MetricsBucket &b = *request.bucket;
        if (!b.isValid())
            return QStringLiteral("invalid bucket size");
        if (request.panel == MetricsPanel::Tokens && b.nominalSeconds() < 86400)
            return QStringLiteral("the tokens panel holds daily data: bucket %1 is below 1d")
                .arg(b.label());
        const qint64 n = MetricsBucketChooser::bucketCount(request.from, request.to, b);
        const qint64 max = MetricsBucketChooser::maxBuckets(request.widthPx);
        if (n > max)
            return QStringLiteral("bucket %1 gives up to %2 points over this range, more than one "
                                  "per %3 pixels of a %4 px plot (%5); use %6 or larger")
                .arg(b.label())
                .arg(n)
                .arg(MetricsBucketChooser::kPixelsPerBucket)
                .arg(request.widthPx)
                .arg(max)
                .arg(MetricsBucketChooser::choose(request.from, request.to, request.widthPx)
                         .label());
    }
    return QString();
}

} // namespace

QString MetricsRequestValidator::problem(const MetricsRequest &request)
{
    const QString panel = metricsPanelName(request.panel);
    QString problem = rangeProblem(request);
    if (problem.isEmpty())
        problem = metricProblem(request, panel);
    if (problem.isEmpty())
        problem = idsProblem(request, panel);
    if (problem.isEmpty())
        problem = bucketProblem(request);
    return problem;
}

QStringList MetricsRequestValidator::fixedNames(MetricsPanel panel)
{
    switch (panel) {
    case MetricsPanel::Interactions:
        return {QStringLiteral("tokens"), QStringLiteral("response_time")};
    case MetricsPanel::Tokens:
        return {QStringLiteral("tokens"), QStringLiteral("cost")};
    default:
        return {};
    }
}

} // namespace uaip
