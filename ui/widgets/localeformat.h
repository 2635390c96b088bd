#pragma once

#include <QCoreApplication>
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
    // An ISO 8601 timestamp (as the ledger reports it, UTC) in local time, the locale's short
    // date and time; the text unchanged when it is not ISO 8601.
    static QString isoDateTime(const QString &iso);
    // A time of day with seconds in the locale's order and clock (log lines).
    static QString timeWithSeconds(QTime time);
    // A duration in milliseconds: "1,234 ms" / "1.234 ms".
    static QString milliseconds(qint64 ms);
};

} // namespace uaip
