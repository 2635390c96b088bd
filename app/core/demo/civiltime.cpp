#include "civiltime.h"

namespace uaip {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

CivilTime CivilTime::fromEpoch(qint64 epochSeconds)
{
    const qint64 days = floorDiv(epochSeconds, 86400);
    const qint64 secs = epochSeconds - days * 86400;
    // civil_from_days
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    CivilTime t;
    t.year = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
    t.month = int(m);
    t.day = int(d);
    t.hour = int(secs / 3600);
    t.minute = int(secs / 60 % 60);
    t.second = int(secs % 60);
    return t;
}

qint64 CivilTime::toEpoch(int year, int month, int day, int hour, int minute, int second)
{
    // days_from_civil
    const qint64 y = qint64(year) - (month <= 2 ? 1 : 0);
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 mp = month > 2 ? month - 3 : month + 9;
    const qint64 doy = (153 * mp + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = era * 146097 + doe - 719468;
    return days * 86400 + qint64(hour) * 3600 + qint64(minute) * 60 + second;
}

int CivilTime::weekday(qint64 epochSeconds)
{
    const qint64 days = floorDiv(epochSeconds, 86400);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return int(((days % 7) + 7 + 3) % 7);
}

} // namespace uaip
