#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace uaip {

// Where the time axis of a chart puts its ticks, and what they say: at round times of the
// chart's zone — whole minutes or hours for ranges of hours (00:00, 06:00, ...), local midnight
// for ranges of days (Mondays for weeks), the first of a month, the first of January — never
// at the range's own start (an axis from 18 Nov 07:22 ticked every 28.8 hours and labelled
// the date only). Each label says what the tick is: a time of day (the day's date at
// midnight), a day and month, a month and year, a year; in the locale's words.
class TimeAxisTicks
{
public:
    struct Tick
    {
        qint64 ms = 0; // ms since the epoch
        QString label;
        bool operator==(const Tick &) const = default;
    };

    // At most maxTicks ticks inside [from, to], the finest round step that fits, in zone.
    static QList<Tick> ticks(const QDateTime &from, const QDateTime &to, const QTimeZone &zone,
                             int maxTicks);
};

} // namespace uaip
