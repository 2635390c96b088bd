#pragma once

#include <QBrush>
#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPen>
#include <QPolygonF>

#include <utility>

namespace uaip {

// The drawn data of an AnalyticsChart, painted directly in the chart's plot area: a min/max band
// as one vertical line per pixel column (its envelope; no outline, no hit-test stroking), each
// line cosmetic polylines. A layer is cut into pieces where buckets are missing (breaks): no
// line or band crosses a gap, and a piece of one point is drawn as a marker. Points are kept
// in value space (x = ms since epoch) and mapped with the plot rectangle and the axis ranges at
// paint time, so a resize or range change costs a repaint only.
class AnalyticsPlotItem : public QGraphicsItem
{
public:
    struct Layer
    {
        enum Kind { Band, Confidence, Baseline, Target, Previous, Line };
        Kind kind = Line;
        int series = 0;
        QPen pen;
        QBrush brush;
        QPolygonF points; // a line; for a band the upper edge
        QPolygonF lower; // for a band: the lower edge (same order as points)
        // Where a new piece starts (indices into points, ascending, never 0): the points
        // before and after a break are not joined.
        QList<qsizetype> breaks;
        bool markers = false;

        // The pieces as [first, last) index pairs.
        QList<std::pair<qsizetype, qsizetype>> pieces() const;
    };

    explicit AnalyticsPlotItem(QGraphicsItem *parent = nullptr);

    void setLayers(QList<Layer> layers);
    const QList<Layer> &layers() const { return m_layers; }
    void setPlot(const QRectF &plot, double xMin, double xMax, double yMin, double yMax);
    QPointF toPixel(const QPointF &value) const; // item coordinates
    QPointF toValue(const QPointF &pixel) const; // item coordinates

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPolygonF mapped(const QPolygonF &values) const;
    QList<QLineF> bandColumns(const Layer &band) const;
    void paintLine(QPainter *painter, const Layer &layer) const;
    void paintConfidence(QPainter *painter, const Layer &layer) const;

    QList<Layer> m_layers;
    QSizeF m_size;
    double m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
};

} // namespace uaip
