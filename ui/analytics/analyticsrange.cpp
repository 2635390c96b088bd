#include "analyticsrange.h"

#include <QTimeZone>

namespace uaip {

AnalyticsRange::AnalyticsRange(const QString &zone)
    : m_zone(zone)
{ }

QDateTime AnalyticsRange::now() const
{
    // Whole minutes, so a preset's range reads well and repeats in Show SQL.
    QDateTime t = QDateTime::currentDateTime().toTimeZone(QTimeZone(m_zone.toUtf8()));
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    return t.addSecs(60);
}

void AnalyticsRange::go(const QDateTime &from, const QDateTime &to, bool remember, bool zoom,
                        int preset)
{
    const QTimeZone zone(m_zone.toUtf8());
    if (remember && m_from.isValid())
        m_history.append(Visit{m_from, m_to, preset, m_zoomed});
    m_zoomed = zoom;
    m_from = from.toTimeZone(zone);
    m_to = to.toTimeZone(zone);
}

std::optional<AnalyticsRange::Visit> AnalyticsRange::back()
{
    if (m_history.isEmpty())
        return std::nullopt;
    return m_history.takeLast();
}

void AnalyticsRange::setZone(const QString &zone)
{
    m_zone = zone;
    // The same instants, now shown and bucketed in the new zone.
    const QTimeZone tz(zone.toUtf8());
    m_from = m_from.toTimeZone(tz);
    m_to = m_to.toTimeZone(tz);
    for (Visit &v : m_history) {
        v.from = v.from.toTimeZone(tz);
        v.to = v.to.toTimeZone(tz);
    }
}

} // namespace uaip
