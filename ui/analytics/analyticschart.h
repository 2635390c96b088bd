#pragma once

#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"
#include "metricsmeasure.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QRubberBand;
class QValueAxis;

namespace uaip {

// One panel's plot: per series a light min/max band (the spikes a bucket holds) with the
// drawn value on top as a line, the previous period dashed in the same colour, and for the
// Capability panel the baseline/target reference lines and the confidence band. Points are
// built into lists and handed over with QXYSeries::replace(). Dragging across the plot asks
// for a zoom; a click on a line reports the point.
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
    QColor colorOf(int series) const;
    // The line series of series i (for tests: position of a point on screen).
    QLineSeries *lineSeries(int series) const;
    static QColor seriesColor(int index, const QPalette &palette);

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
    void onLineClicked(int series, const QPointF &value);

    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QRubberBand *m_band = nullptr;
    QPoint m_pressPos;
    bool m_dragging = false;
    QList<QList<QPointF>> m_lines;
    QList<QList<QPointF>> m_previous;
    QList<QLineSeries *> m_lineSeries;
};

} // namespace uaip
