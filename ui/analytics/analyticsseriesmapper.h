#pragma once

#include "analyticsplotitem.h"
#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"
#include "metricsmeasure.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QTimeZone>

#include <limits>

namespace uaip {

// Maps the series of a result to what an AnalyticsChart paints: per series a light min/max band
// (the spikes a bucket holds), for the Capability panel the confidence band and the baseline
// and target lines, the previous period dashed and the drawn value on top as a line, each cut
// where data is missing; and the range of every value drawn, for the value axis.
class AnalyticsSeriesMapper
{
public:
    struct Drawn
    {
        QList<AnalyticsPlotItem::Layer> layers; // in painting order
        // Per series of the result (empty for a hidden one): see AnalyticsChart::drawnLines(),
        // drawnPrevious() and drawnBreaks().
        QList<QList<QPointF>> lines;
        QList<QList<QPointF>> previous;
        QList<QList<qsizetype>> breaks;
        // The lowest and the highest value drawn (lo > hi: nothing is drawn).
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
    };

    // request and result must outlive the mapper.
    AnalyticsSeriesMapper(const MetricsRequest &request, const MetricsResult &result,
                          MetricsMeasure::Value value);

    // hidden: per series, left out of the plot (empty = every series drawn); colours: per
    // series (AnalyticsChart::colorOf()).
    Drawn map(const QList<bool> &hidden, const QList<QColor> &colours) const;

private:
    struct Timeline;
    struct Pieces;

    static Timeline timeline(const QList<MetricsPoint> &points, const MetricsBucket &bucket,
                             const QTimeZone &zone, double nativeMs);
    void mapSeries(int series, const QColor &color, Drawn &drawn) const;
    void readPoints(const MetricsSeries &s, const Timeline &time, Pieces &pieces,
                    Drawn &drawn) const;
    void appendReferenceLayers(int series, const QColor &color, const Pieces &pieces,
                               Drawn &drawn) const;
    QList<QPointF> mapPrevious(int series, const MetricsSeries &s, const QColor &color,
                               Drawn &drawn) const;

    const MetricsRequest &m_request;
    const MetricsResult &m_result;
    const MetricsMeasure::Value m_value;
    const bool m_band;
    const bool m_capability;
    const QTimeZone m_zone;
    QHash<QString, const MetricsSeries *> m_previousByKey;
};

} // namespace uaip
