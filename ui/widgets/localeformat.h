#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTime>

namespace uaip {

// Display formatting by the locale (QLocale(), which main sets to the chosen language): dates,
// times, counts and durations as the user reads them. Machine formats (CSV, JSON, SQL, file
// names) never go through here.
class LocaleFormat
{
    Q_DECLARE_TR_FUNCTIONS(uaip::LocaleFormat)

public:
    // The one format of a timestamp on screen: the locale's short date with a four-digit year
    // and its time with seconds ("11/22/2026 9:26:05 PM", "22.11.2026 21:26:05").
    static QString dateTimeFormat();
    // A timestamp in that format, in local time (or in the time zone it carries when
    // localTime is false).
    static QString dateTime(const QDateTime &at, bool localTime = true);
    // An ISO 8601 timestamp (as the ledger reports it, UTC) in local time, as dateTime(); the
    // text unchanged when it is not ISO 8601.
    static QString isoDateTime(const QString &iso);
    // A time of day with seconds in the locale's order and clock (log lines).
    static QString timeWithSeconds(QTime time);
    // The locale's time format with seconds ("h:mm:ss AP", "HH:mm:ss").
    static QString timeWithSecondsFormat();
    // Day and abbreviated month in the locale's order, no year ("Sep 11", "11. Sept.").
    static QString dayMonthFormat();
    // A duration in milliseconds: "1,234 ms" / "1.234 ms".
    static QString milliseconds(qint64 ms);
};

} // namespace uaip
