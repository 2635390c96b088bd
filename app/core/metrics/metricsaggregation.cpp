#include "metricsaggregation.h"

#include <QCoreApplication>

#include <array>

namespace uaip {

namespace {

constexpr std::array<const char *, 7> kNames{"mean", "p50", "p95", "min", "max", "count", "sum"};
// The same, for the screen (tests/i18n/tst_builtstrings checks every one is translated).
constexpr std::array<const char *, 7> kLabels{
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "mean"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "p50"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "p95"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "min"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "max"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "count"),
    QT_TRANSLATE_NOOP("uaip::MetricsAggregation", "sum"),
};

} // namespace

QString metricsAggregationName(MetricsAggregation aggregation)
{
    return QString::fromLatin1(kNames[std::size_t(aggregation)]);
}

QString metricsAggregationLabel(MetricsAggregation aggregation)
{
    return QCoreApplication::translate("uaip::MetricsAggregation",
                                       kLabels[std::size_t(aggregation)]);
}

std::optional<MetricsAggregation> metricsAggregationFromName(const QString &name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i]))
            return MetricsAggregation(i);
    }
    return std::nullopt;
}

QStringList metricsAggregationNames()
{
    QStringList names;
    for (const char *n : kNames)
        names << QString::fromLatin1(n);
    return names;
}

} // namespace uaip
