#include "metricsbucket.h"

#include <QRegularExpression>

#include <algorithm>

namespace uaip {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kMaxFixed = 12 * 3600;

struct CalendarInfo
{
    MetricsBucket::Unit unit;
    const char *label;
    const char *field;
    qint64 nominal;
};

constexpr CalendarInfo kCalendar[] = {
    {MetricsBucket::Unit::Day, "1d", "day", kDay},
    {MetricsBucket::Unit::Week, "1w", "week", 7 * kDay},
    {MetricsBucket::Unit::Month, "1mo", "month", 2629746}, // 30.436875 days
    {MetricsBucket::Unit::Quarter, "1q", "quarter", 3 * 2629746},
    {MetricsBucket::Unit::Year, "1y", "year", 12 * 2629746},
};

const CalendarInfo *calendarInfo(MetricsBucket::Unit unit)
{
    for (const CalendarInfo &c : kCalendar) {
        if (c.unit == unit)
            return &c;
    }
    return nullptr;
}

} // namespace

MetricsBucket MetricsBucket::seconds(qint64 seconds)
{
    MetricsBucket b;
    b.m_unit = Unit::Seconds;
    b.m_seconds = (seconds > 0 && seconds <= kMaxFixed) ? seconds : 0;
    return b;
}

MetricsBucket MetricsBucket::calendar(Unit unit)
{
    MetricsBucket b;
    if (unit == Unit::Seconds)
        return b; // invalid
    b.m_unit = unit;
    return b;
}

qint64 MetricsBucket::nominalSeconds() const
{
    if (m_unit == Unit::Seconds)
        return m_seconds;
    return calendarInfo(m_unit)->nominal;
}

QString MetricsBucket::label() const
{
    if (m_unit != Unit::Seconds)
        return QString::fromLatin1(calendarInfo(m_unit)->label);
    if (m_seconds <= 0)
        return QString();
    if (m_seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(m_seconds / 3600);
    if (m_seconds % 60 == 0)
        return QStringLiteral("%1m").arg(m_seconds / 60);
    return QStringLiteral("%1s").arg(m_seconds);
}

QString MetricsBucket::truncField() const
{
    if (m_unit == Unit::Seconds)
        return QString();
    return QString::fromLatin1(calendarInfo(m_unit)->field);
}

std::optional<MetricsBucket> MetricsBucket::parse(const QString &text)
{
    for (const CalendarInfo &c : kCalendar) {
        if (text == QLatin1String(c.label))
            return calendar(c.unit);
    }
    static const QRegularExpression fixed(QStringLiteral("^([1-9][0-9]{0,5})([smh])$"));
    const QRegularExpressionMatch m = fixed.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 secs = n * (unit == u's' ? 1 : unit == u'm' ? 60 : 3600);
    if (secs > kMaxFixed)
        return std::nullopt;
    return seconds(secs);
}

const QList<MetricsBucket> &MetricsBucket::niceSizes()
{
    static const QList<MetricsBucket> sizes = [] {
        QList<MetricsBucket> s;
        for (qint64 secs :
             {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200})
            s << seconds(secs);
        for (const CalendarInfo &c : kCalendar)
            s << calendar(c.unit);
        return s;
    }();
    return sizes;
}

qint64 MetricsBucketChooser::bucketCount(const QDateTime &from, const QDateTime &to,
                                         const MetricsBucket &bucket)
{
    const qint64 range = std::max<qint64>(0, from.secsTo(to));
    const qint64 size = bucket.nominalSeconds();
    if (size <= 0)
        return 0;
    if (range == 0)
        return 1;
    // +1: a range not aligned to the bucket grid touches one bucket more.
    return (range + size - 1) / size + 1;
}

MetricsBucket MetricsBucketChooser::choose(const QDateTime &from, const QDateTime &to, int widthPx,
                                           const MetricsBucket &minimum)
{
    const qint64 maxPoints = maxBuckets(widthPx);
    const qint64 floor = minimum.nominalSeconds();
    for (const MetricsBucket &b : MetricsBucket::niceSizes()) {
        if (b.nominalSeconds() < floor)
            continue;
        if (bucketCount(from, to, b) <= maxPoints)
            return b;
    }
    return MetricsBucket::calendar(MetricsBucket::Unit::Year);
}

} // namespace uaip
