#pragma once

#include <QtGlobal>

namespace uaip {

// A UTC calendar time split into fields, converted from and to seconds since 1970-01-01
// without time-zone tables (Howard Hinnant's days-from-civil algorithms): fast enough to
// format millions of timestamps for COPY.
struct CivilTime
{
    int year = 1970;
    int month = 1; // 1..12
    int day = 1; // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;

    static constexpr qint64 kSecondsPerDay = 86400;

    static CivilTime fromEpoch(qint64 epochSeconds);
    static qint64 toEpoch(int year, int month, int day, int hour = 0, int minute = 0,
                          int second = 0);
    // 0 = Monday ... 6 = Sunday, for seconds since the epoch (UTC).
    static int weekday(qint64 epochSeconds);
};

} // namespace uaip
