#pragma once

#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"
#include "metricsmeasure.h"

#include <QChartView>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>

class QCategoryAxis;
class QTimeZone;
class QRubberBand;

namespace uaip {

class AnalyticsPlotItem;

// One panel's plot: per series a light min/max band (the spikes a bucket holds) with the
// drawn value on top as a line, the previous period dashed in the same colour, and for the
// Capability panel the baseline/target reference lines and the confidence band (laid out by
// AnalyticsSeriesMapper). Qt Charts draws the axes only; the data is one AnalyticsPlotItem in
// the plot area (filled paths and polylines: QAreaSeries' hit-test stroking took seconds for
// 10 x 2,161 points). Dragging across the plot asks for a zoom; a click near a line reports
// the nearest bucket of it.
class AnalyticsChart : public QChartView
{
    Q_OBJECT
public:
    explicit AnalyticsChart(QWidget *parent = nullptr);

    // Draws the series of result (all of them, in order) for [request.from, request.to).
    // hidden: see setHiddenSeries() (empty = every series drawn).
    void setResult(const MetricsRequest &request, const MetricsResult &result,
                   MetricsMeasure::Value value, const QList<bool> &hidden = {});
    void clear();
    // Series (indices into the result) left out of the plot: their drawnLines() are empty and
    // the value axis is fitted to the others. Draws the last result again.
    void setHiddenSeries(const QList<bool> &hidden);
    bool isHidden(int series) const { return m_hidden.value(series, false); }
    // The value axis' tick labels as shown (CompactNumber: k / M, the locale's separators).
    QStringList valueLabels() const;
    // The time axis' ticks as shown: (ms since the epoch, label).
    QList<QPair<qint64, QString>> timeTicks() const;

    // What is drawn, per series of the result: (bucket start ms, value) of the line.
    const QList<QList<QPointF>> &drawnLines() const { return m_lines; }
    const QList<QList<QPointF>> &drawnPrevious() const { return m_previous; }
    // Per series of the result: where the drawn line is cut (indices into drawnLines(), see
    // AnalyticsPlotItem::Layer::breaks): the data is missing between, that is the rows of the
    // two buckets lie further apart than the series' native interval (its stats) allows, or,
    // where that is not known, buckets without a value lie between. A bucket that holds no row
    // only because the rows fell into its neighbours is no gap.
    const QList<QList<qsizetype>> &drawnBreaks() const { return m_breaks; }
    // A series' colour: by its key, the same across results while the chart lives (a key seen
    // first takes the lowest colour no other series of the result has).
    QColor colorOf(int series) const;
    // Series key -> colour index (seriesColor()) of every key drawn so far; an export's chart
    // takes the panel's (before setResult()) to draw in the same colours.
    const QHash<QString, int> &colourSlots() const { return m_colourSlots; }
    void setColourSlots(const QHash<QString, int> &colours) { m_colourSlots = colours; }
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
    // Room over the plot for the top value label (drawn centred on the plot's top edge).
    void applyMargins();
    void assignColourSlots();
    QList<QColor> seriesColours() const;
    // Time labels that fit the plot's current width.
    int maxTimeTicks() const;
    void updatePlot();
    QPointF valueAtViewport(const QPoint &pos) const;
    void clickAt(const QPoint &pos);

    void draw();
    void setValueTicks();
    void setTimeTicks();

    QCategoryAxis *m_x; // time: ms since the epoch, ticks at round times (TimeAxisTicks)
    QCategoryAxis *m_y;
    MetricsRequest m_request;
    MetricsResult m_result;
    MetricsMeasure::Value m_value = MetricsMeasure::Value::Aggregated;
    QList<bool> m_hidden;
    QRubberBand *m_band = nullptr;
    QPoint m_pressPos;
    bool m_dragging = false;
    QList<QList<QPointF>> m_lines;
    QList<QList<QPointF>> m_previous;
    QList<QList<qsizetype>> m_breaks;
    QHash<QString, int> m_colourSlots;
    int m_timeTicksFor = 0; // the maxTimeTicks() the time axis was ticked for
    bool m_retickPending = false;
    AnalyticsPlotItem *m_plot;
};

} // namespace uaip
