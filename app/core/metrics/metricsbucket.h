#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace uaip {

// The width of one bucket of a time series. Below a day a bucket is a fixed number of
// seconds, aligned to local midnight of 2000-01-03 (a Monday) in the request's zone and binned
// in absolute time (date_bin), so the two 02:00 hours of a DST fall-back stay apart. A day and
// longer are calendar units in the request's zone (date_trunc(unit, ts, zone)): a day starts
// at local midnight, so a DST day has 23 or 25 hours; a week starts on Monday.
class MetricsBucket
{
public:
    enum class Unit { Seconds, Day, Week, Month, Quarter, Year };

    MetricsBucket() = default;
    static MetricsBucket seconds(qint64 seconds); // 1 .. 43200 (12h)
    static MetricsBucket calendar(Unit unit); // Day .. Year

    bool isValid() const { return m_unit != Unit::Seconds || m_seconds > 0; }
    Unit unit() const { return m_unit; }
    qint64 fixedSeconds() const { return m_seconds; } // Seconds only, else 0
    // Nominal length (a day = 86400 s, a month = 30.44 days): for counting buckets only.
    qint64 nominalSeconds() const;
    // "5m", "1h", "1d", "1w", "1mo", "1q", "1y" (what the user sees and the CLI accepts).
    QString label() const;
    // date_trunc's field for calendar units ("day" .. "year"); empty for Seconds.
    QString truncField() const;
    // Parses label() forms: Ns / Nm / Nh (below a day), 1d, 1w, 1mo, 1q, 1y. nullopt if not.
    static std::optional<MetricsBucket> parse(const QString &text);

    // The nice sizes the chooser picks from, smallest first: 1s 2s 5s 10s 15s 30s 1m 2m 5m
    // 10m 15m 30m 1h 2h 3h 6h 12h 1d 1w 1mo 1q 1y.
    static const QList<MetricsBucket> &niceSizes();

    bool operator==(const MetricsBucket &other) const = default;

private:
    Unit m_unit = Unit::Seconds;
    qint64 m_seconds = 0;
};

// Picks the bucket for a range and a plot width so that a series has at most about one point
// per two pixel columns (a line reads as a line, not as a filled band): the smallest nice size
// with ceil(range / size) <= width / 2, never below minimum (the Tokens panel's data is daily;
// MetricsQuery raises it to the data's native interval). The year bucket when nothing fits.
class MetricsBucketChooser
{
public:
    static MetricsBucket choose(const QDateTime &from, const QDateTime &to, int widthPx,
                                const MetricsBucket &minimum = MetricsBucket::seconds(1));
    // How many buckets a range needs at most (nominal sizes; for the maxBuckets() check).
    static qint64 bucketCount(const QDateTime &from, const QDateTime &to,
                              const MetricsBucket &bucket);
    static constexpr int kPixelsPerBucket = 2;
    // The most buckets a plot of widthPx shows.
    static qint64 maxBuckets(int widthPx)
    {
        // two at least: a range not aligned to the bucket grid touches two buckets
        return std::max<qint64>(2, qint64(widthPx) / kPixelsPerBucket);
    }
};

} // namespace uaip
