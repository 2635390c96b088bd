#include "timeaxisticks.h"

#include "widgets/localeformat.h"

#include <QLocale>

namespace uaip {

namespace {

enum class Kind { TimeOfDay, Days, Weeks, Months, Years };

struct Step
{
    Kind kind;
    int n; // minutes for TimeOfDay, else days / weeks / months / years
};

constexpr Step kSteps[] = {
    {Kind::TimeOfDay, 1},   {Kind::TimeOfDay, 2},   {Kind::TimeOfDay, 5},   {Kind::TimeOfDay, 10},
    {Kind::TimeOfDay, 15},  {Kind::TimeOfDay, 30},  {Kind::TimeOfDay, 60},  {Kind::TimeOfDay, 120},
    {Kind::TimeOfDay, 180}, {Kind::TimeOfDay, 360}, {Kind::TimeOfDay, 720}, {Kind::Days, 1},
    {Kind::Days, 2},        {Kind::Weeks, 1},       {Kind::Weeks, 2},       {Kind::Months, 1},
    {Kind::Months, 2},      {Kind::Months, 3},      {Kind::Months, 6},      {Kind::Years, 1},
    {Kind::Years, 2},       {Kind::Years, 5},       {Kind::Years, 10},      {Kind::Years, 20},
    {Kind::Years, 50},      {Kind::Years, 100},     {Kind::Years, 1000},
};

// The round instants of one step inside [from, to], in zone; stops after limit + 1.
QList<QDateTime> instants(const Step &step, const QDateTime &from, const QDateTime &to,
                          const QTimeZone &zone, int limit)
{
    QList<QDateTime> out;
    const QDate first = from.toTimeZone(zone).date();
    const QDate last = to.toTimeZone(zone).date();
    auto keep = [&](const QDateTime &t) {
        if (t >= from && t <= to && (out.isEmpty() || out.last() < t))
            out << t;
        return out.size() <= limit;
    };
    switch (step.kind) {
    case Kind::TimeOfDay:
        for (QDate d = first; d <= last; d = d.addDays(1))
            for (int m = 0; m < 24 * 60; m += step.n)
                if (!keep(QDateTime(d, QTime(m / 60, m % 60), zone)))
                    return out;
        break;
    case Kind::Days:
        for (QDate d = first; d <= last; d = d.addDays(1))
            if (d.toJulianDay() % step.n == 0 && !keep(QDateTime(d, QTime(0, 0), zone)))
                return out;
        break;
    case Kind::Weeks:
        for (QDate d = first.addDays(1 - first.dayOfWeek()); d <= last; d = d.addDays(7))
            if ((d.toJulianDay() / 7) % step.n == 0 && !keep(QDateTime(d, QTime(0, 0), zone)))
                return out;
        break;
    case Kind::Months:
        for (QDate d(first.year(), first.month(), 1); d <= last; d = d.addMonths(1))
            if ((d.month() - 1) % step.n == 0 && !keep(QDateTime(d, QTime(0, 0), zone)))
                return out;
        break;
    case Kind::Years:
        for (int y = first.year() - first.year() % step.n; y <= last.year(); y += step.n)
            if (y > 0 && !keep(QDateTime(QDate(y, 1, 1), QTime(0, 0), zone)))
                return out;
        break;
    }
    return out;
}

} // namespace

QList<TimeAxisTicks::Tick> TimeAxisTicks::ticks(const QDateTime &from, const QDateTime &to,
                                                const QTimeZone &zone, int maxTicks)
{
    if (!from.isValid() || !to.isValid() || from >= to || maxTicks < 1)
        return {};
    const QLocale locale;
    for (const Step &step : kSteps) {
        const QList<QDateTime> at = instants(step, from, to, zone, maxTicks);
        if (at.isEmpty() || at.size() > maxTicks)
            continue;
        QList<Tick> out;
        for (const QDateTime &t : at) {
            const QDateTime local = t.toTimeZone(zone);
            QString label;
            switch (step.kind) {
            case Kind::TimeOfDay:
                label = local.time() == QTime(0, 0)
                    ? locale.toString(local.date(), LocaleFormat::dayMonthFormat())
                    : locale.toString(local.time(), QLocale::ShortFormat);
                break;
            case Kind::Days:
            case Kind::Weeks:
                label = locale.toString(local.date(), LocaleFormat::dayMonthFormat());
                break;
            case Kind::Months:
                label = locale.toString(local.date(), QStringLiteral("MMM yyyy"));
                break;
            case Kind::Years:
                label = QString::number(local.date().year());
                break;
            }
            out << Tick{t.toMSecsSinceEpoch(), label};
        }
        return out;
    }
    return {};
}

} // namespace uaip
