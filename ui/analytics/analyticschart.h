#pragma once

#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"
#include "metricsmeasure.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QTimeZone;
class QRubberBand;
class QValueAxis;

namespace uaip {

class AnalyticsPlotItem;

// One panel's plot: per series a light min/max band (the spikes a bucket holds) with the
// drawn value on top as a line, the previous period dashed in the same colour, and for the
// Capability panel the baseline/target reference lines and the confidence band. Qt Charts
// draws the axes only; the data is one AnalyticsPlotItem in the plot area (filled paths and
// polylines: QAreaSeries' hit-test stroking took seconds for 10 x 2,161 points). Dragging
// across the plot asks for a zoom; a click near a line reports the nearest bucket of it.
class AnalyticsChart : public QChartView
{
    Q_OBJECT
public:
    explicit AnalyticsChart(QWidget *parent = nullptr);

    // Draws the series of result (all of them, in order) for [request.from, request.to).
    void setResult(const MetricsRequest &request, const MetricsResult &result,
                   MetricsMeasure::Value value);
    void clear();

    // What is drawn, per series of the result: (bucket start ms, value) of the line.
    const QList<QList<QPointF>> &drawnLines() const { return m_lines; }
    const QList<QList<QPointF>> &drawnPrevious() const { return m_previous; }
    // Per series of the result: where the drawn line is cut (indices into drawnLines(), see
    // AnalyticsPlotItem::Layer::breaks): buckets without a value lie between.
    const QList<QList<qsizetype>> &drawnBreaks() const { return m_breaks; }
    QColor colorOf(int series) const;
    // What is painted (for tests: kinds, pens, brushes, points of every layer).
    const AnalyticsPlotItem *plotItem() const { return m_plot; }
    // Position of a (ms, value) point in chart() item coordinates.
    QPointF positionOf(const QPointF &value) const;
    static QColor seriesColor(int index, const QPalette &palette);
    // The first instant after the bucket that starts at start, in zone (a day bucket ends at
    // the zone's next local midnight, also across a DST change).
    static QDateTime bucketEnd(const QDateTime &start, const MetricsBucket &bucket,
                               const QTimeZone &zone);

signals:
    void zoomRequested(const QDateTime &from, const QDateTime &to);
    void pointClicked(int series, int point);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updatePlot();
    QPointF valueAtViewport(const QPoint &pos) const;
    void clickAt(const QPoint &pos);

    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QRubberBand *m_band = nullptr;
    QPoint m_pressPos;
    bool m_dragging = false;
    QList<QList<QPointF>> m_lines;
    QList<QList<QPointF>> m_previous;
    QList<QList<qsizetype>> m_breaks;
    AnalyticsPlotItem *m_plot;
};

} // namespace uaip
