#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

// The Analytics view's time range: [from, to) in a time zone, whether it is a zoom (a drag on
// a chart: buckets then follow the width only), and the ranges shown before it for Back, each
// with the preset it was shown with. Changing the zone keeps the instants (shown and bucketed
// in the new zone).
class AnalyticsRange
{
public:
    // A range shown before, for Back.
    struct Visit
    {
        QDateTime from;
        QDateTime to;
        int preset = 0; // AnalyticsView::Preset
        bool zoom = false;
    };

    // No range yet (go() sets one), in zone.
    explicit AnalyticsRange(const QString &zone);

    const QString &zone() const { return m_zone; }
    const QDateTime &from() const { return m_from; }
    const QDateTime &to() const { return m_to; }
    bool isZoomed() const { return m_zoomed; }
    bool canGoBack() const { return !m_history.isEmpty(); }
    // Now in the zone, at the next whole minute (a preset's range reads well and repeats in
    // Show SQL).
    QDateTime now() const;

    // [from, to) in the zone. remember: the current range, shown with preset, is kept for Back.
    void go(const QDateTime &from, const QDateTime &to, bool remember, bool zoom, int preset);
    // The range before, taken from the history (std::nullopt: none); go() there to show it.
    std::optional<Visit> back();
    void setZone(const QString &zone);

private:
    QString m_zone;
    QDateTime m_from;
    QDateTime m_to;
    QList<Visit> m_history;
    bool m_zoomed = false; // the current range is a zoom
};

} // namespace uaip
