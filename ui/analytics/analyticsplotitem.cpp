#include "analyticsplotitem.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace uaip {

namespace {
constexpr double kMarkerRadius = 3.0;
}

QList<std::pair<qsizetype, qsizetype>> AnalyticsPlotItem::Layer::pieces() const
{
    QList<std::pair<qsizetype, qsizetype>> out;
    out.reserve(breaks.size() + 1);
    qsizetype first = 0;
    for (const qsizetype b : breaks) {
        if (b > first && b < points.size()) {
            out.append({first, b});
            first = b;
        }
    }
    if (first < points.size())
        out.append({first, points.size()});
    return out;
}

AnalyticsPlotItem::AnalyticsPlotItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setFlag(ItemClipsToShape);
    setAcceptedMouseButtons(Qt::NoButton);
}

void AnalyticsPlotItem::setLayers(QList<Layer> layers)
{
    m_layers = std::move(layers);
    update();
}

void AnalyticsPlotItem::setPlot(const QRectF &plot, double xMin, double xMax, double yMin,
                                double yMax)
{
    if (plot.size() != m_size) {
        prepareGeometryChange();
        m_size = plot.size();
    }
    setPos(plot.topLeft());
    m_xMin = xMin;
    m_xMax = xMax;
    m_yMin = yMin;
    m_yMax = yMax;
    update();
}

QPointF AnalyticsPlotItem::toPixel(const QPointF &value) const
{
    const double dx = m_xMax - m_xMin, dy = m_yMax - m_yMin;
    if (dx <= 0 || dy <= 0)
        return {};
    return {(value.x() - m_xMin) / dx * m_size.width(),
            (m_yMax - value.y()) / dy * m_size.height()};
}

QPointF AnalyticsPlotItem::toValue(const QPointF &pixel) const
{
    if (m_size.isEmpty())
        return {};
    return {m_xMin + pixel.x() / m_size.width() * (m_xMax - m_xMin),
            m_yMax - pixel.y() / m_size.height() * (m_yMax - m_yMin)};
}

QPolygonF AnalyticsPlotItem::mapped(const QPolygonF &values) const
{
    QPolygonF out;
    out.reserve(values.size());
    for (const QPointF &v : values)
        out.append(toPixel(v));
    return out;
}

QRectF AnalyticsPlotItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

QList<QLineF> AnalyticsPlotItem::bandColumns(const Layer &band) const
{
    // Per pixel column the envelope of the band (upper and lower edge interpolated between
    // buckets, several buckets in one column: their extremes), painted as one vertical line
    // per column: no overlapping alpha, no antialiased polygon rasterizing of a zigzag outline.
    const int width = int(std::ceil(m_size.width()));
    constexpr double kNone = std::numeric_limits<double>::max();
    std::vector<double> top(size_t(std::max(width, 0)), kNone);
    std::vector<double> bottom(top.size(), -kNone);
    auto put = [&](int c, double up, double low) {
        if (c < 0 || c >= width)
            return;
        top[size_t(c)] = std::min(top[size_t(c)], std::min(up, low));
        bottom[size_t(c)] = std::max(bottom[size_t(c)], std::max(up, low));
    };
    const qsizetype n = std::min(band.points.size(), band.lower.size());
    const QList<qsizetype> &breaks = band.breaks;
    auto nextBreak = breaks.cbegin();
    QPointF prevUp, prevLow;
    for (qsizetype i = 0; i < n; ++i) {
        const QPointF up = toPixel(band.points.at(i));
        const QPointF low = toPixel(QPointF(band.points.at(i).x(), band.lower.at(i).y()));
        put(int(std::floor(up.x())), up.y(), low.y());
        bool joined = i > 0;
        while (nextBreak != breaks.cend() && *nextBreak <= i) {
            joined = joined && *nextBreak != i; // a gap before i: not joined to i - 1
            ++nextBreak;
        }
        if (joined && up.x() > prevUp.x()) {
            const int first = std::max(0, int(std::ceil(prevUp.x())));
            const int last = std::min(width - 1, int(std::floor(up.x())));
            for (int c = first; c <= last; ++c) {
                const double t = (c - prevUp.x()) / (up.x() - prevUp.x());
                put(c, prevUp.y() + t * (up.y() - prevUp.y()),
                    prevLow.y() + t * (low.y() - prevLow.y()));
            }
        }
        prevUp = up;
        prevLow = low;
    }
    QList<QLineF> lines;
    lines.reserve(width);
    for (int c = 0; c < width; ++c)
        if (top[size_t(c)] <= bottom[size_t(c)])
            lines.append(QLineF(c + 0.5, top[size_t(c)], c + 0.5, bottom[size_t(c)]));
    return lines;
}

void AnalyticsPlotItem::paintConfidence(QPainter *painter, const Layer &layer) const
{
    // A hatched band (the Capability panel: daily buckets, few points): one path per piece; a
    // piece of one bucket is its vertical extent.
    const QPolygonF upper = mapped(layer.points);
    const QPolygonF lower = mapped(layer.lower);
    QPainterPath path;
    for (const auto &[first, last] : layer.pieces()) {
        if (last > lower.size())
            break;
        if (last - first == 1) {
            painter->setPen(QPen(layer.brush.color(), 1));
            painter->drawLine(upper.at(first), lower.at(first));
            continue;
        }
        QPolygonF outline(upper.begin() + first, upper.begin() + last);
        for (qsizetype i = last - 1; i >= first; --i)
            outline.append(lower.at(i));
        path.addPolygon(outline);
        path.closeSubpath();
    }
    // A hatch needs no antialiasing; an antialiased pattern fill of many pieces cost ~50 ms
    // (10 capabilities x 134 hourly buckets with gaps) and made the chart update miss 30 ms.
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillPath(path, layer.brush);
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

void AnalyticsPlotItem::paintLine(QPainter *painter, const Layer &layer) const
{
    const QPolygonF line = mapped(layer.points);
    // Cosmetic 1 px pens take the raster engine's fast path; a heavier line is the same
    // polyline drawn again one pixel lower (a 2 px pen goes through the slow stroker).
    QPen pen = layer.pen;
    pen.setCosmetic(true);
    pen.setWidthF(1);
    const bool heavy = layer.pen.widthF() > 1.5;
    const QPolygonF lower = heavy ? line.translated(0, 1) : QPolygonF();
    QPolygonF singles; // pieces of one point: markers
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    for (const auto &[first, last] : layer.pieces()) {
        if (last - first == 1) {
            singles.append(line.at(first));
            continue;
        }
        painter->drawPolyline(line.constData() + first, int(last - first));
        if (heavy)
            painter->drawPolyline(lower.constData() + first, int(last - first));
    }
    const QPolygonF &markers = layer.markers ? line : singles;
    if (markers.isEmpty())
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    const double r = heavy ? kMarkerRadius : kMarkerRadius - 1;
    for (const QPointF &p : markers)
        painter->drawEllipse(p, r, r);
}

void AnalyticsPlotItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_size.isEmpty())
        return;
    painter->setClipRect(boundingRect());
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    for (const Layer &layer : m_layers) {
        if (layer.kind == Layer::Band) {
            painter->setRenderHint(QPainter::Antialiasing, false);
            QPen pen(layer.brush.color(), 1);
            pen.setCosmetic(true);
            painter->setPen(pen);
            painter->drawLines(bandColumns(layer));
            painter->setRenderHint(QPainter::Antialiasing, antialiased);
        } else if (layer.kind == Layer::Confidence) {
            paintConfidence(painter, layer);
        } else {
            paintLine(painter, layer);
        }
    }
}

} // namespace uaip
