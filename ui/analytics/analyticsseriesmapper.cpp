#include "analyticsseriesmapper.h"

#include "analyticschart.h"

#include <QBrush>
#include <QPalette>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <utility>

namespace uaip {

namespace {

constexpr int kBandAlpha = 56;
constexpr int kSparsePoints = 40; // fewer points than this: markers on the line

// A series' rows are continuous across two buckets when the time between the last row of the
// first and the first row of the second is at most this many native intervals (its rows
// drift a little around their schedule).
constexpr double kGapSlack = 1.5;

using Layer = AnalyticsPlotItem::Layer;

// Collects the points of one layer of a series and where it is cut: a point starts a new
// piece when the point before it in the series was left out (no value) or is not the bucket
// right before it (a bucket without rows lies between).
class PieceBuilder
{
public:
    explicit PieceBuilder(qsizetype reserve) { m_points.reserve(reserve); }
    void add(qsizetype index, bool adjacent, const QPointF &p)
    {
        if (!m_points.isEmpty() && (m_last != index - 1 || !adjacent))
            m_breaks.append(m_points.size());
        m_points.append(p);
        m_last = index;
    }
    QList<QPointF> m_points;
    QList<qsizetype> m_breaks;

private:
    qsizetype m_last = -2;
};

Layer lineLayer(Layer::Kind kind, int series, const PieceBuilder &line, const QPen &pen)
{
    Layer l;
    l.kind = kind;
    l.series = series;
    l.pen = pen;
    l.points = QPolygonF(line.m_points);
    l.breaks = line.m_breaks;
    return l;
}

Layer bandLayer(Layer::Kind kind, int series, const PieceBuilder &upper,
                const QList<QPointF> &lower, const QBrush &brush)
{
    Layer l;
    l.kind = kind;
    l.series = series;
    l.pen = Qt::NoPen;
    l.brush = brush;
    l.points = QPolygonF(upper.m_points);
    l.lower = QPolygonF(lower);
    l.breaks = upper.m_breaks;
    return l;
}

void extend(AnalyticsSeriesMapper::Drawn &drawn, double v)
{
    drawn.lo = std::min(drawn.lo, v);
    drawn.hi = std::max(drawn.hi, v);
}

} // namespace

// Per point of a series: its bucket start in ms since the epoch, and whether the line joins it
// to the point before: the bucket right after it (no bucket is missing between them; fixed-size
// buckets compare in ms, calendar ones in the zone), or, when the series' native interval
// (nativeMs, 0 = not known) and the buckets' row times are known, rows no further apart than
// kGapSlack native intervals (a bucket between holds no row only because of where the rows
// fell, not because data is missing).
struct AnalyticsSeriesMapper::Timeline
{
    QList<qint64> ms;
    QList<bool> adjacent;
};

// The layers of one series as its points are read: the drawn line, the min/max band and the
// Capability panel's confidence band, baseline and target.
struct AnalyticsSeriesMapper::Pieces
{
    Pieces(qsizetype n, bool band)
        : line(n)
        , upper(band ? n : 0)
    {
        if (band)
            lower.reserve(n);
    }

    PieceBuilder line;
    PieceBuilder upper;
    PieceBuilder confUpper{0};
    PieceBuilder baseline{0};
    PieceBuilder target{0};
    QList<QPointF> lower;
    QList<QPointF> confLower;
};

AnalyticsSeriesMapper::AnalyticsSeriesMapper(const MetricsRequest &request,
                                             const MetricsResult &result,
                                             MetricsMeasure::Value value)
    : m_request(request)
    , m_result(result)
    , m_value(value)
    , m_band(MetricsMeasure::hasBand(value, request.aggregation))
    , m_capability(request.panel == MetricsPanel::Capability
                   && value == MetricsMeasure::Value::Aggregated)
    , m_zone(request.timeZone.toUtf8())
{
    for (const MetricsSeries &s : result.previous)
        m_previousByKey.insert(s.key, &s);
}

AnalyticsSeriesMapper::Timeline AnalyticsSeriesMapper::timeline(const QList<MetricsPoint> &points,
                                                                const MetricsBucket &bucket,
                                                                const QTimeZone &zone,
                                                                double nativeMs)
{
    Timeline t;
    t.ms.resize(points.size());
    t.adjacent.resize(points.size());
    const bool fixed = bucket.unit() == MetricsBucket::Unit::Seconds;
    const qint64 stepMs = bucket.fixedSeconds() * 1000;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const qint64 ms = points.at(i).startMs;
        t.ms[i] = ms;
        if (i == 0)
            continue;
        const qint64 end = fixed
            ? t.ms.at(i - 1) + stepMs
            : AnalyticsChart::bucketEnd(points.at(i - 1).bucketStart(), bucket, zone)
                  .toMSecsSinceEpoch();
        const MetricsPoint &before = points.at(i - 1);
        const MetricsPoint &now = points.at(i);
        const bool rowsClose = nativeMs > 0 && before.lastMs > 0 && now.firstMs > 0
            && double(now.firstMs - before.lastMs) <= nativeMs * kGapSlack;
        t.adjacent[i] = ms <= end || rowsClose;
    }
    return t;
}

AnalyticsSeriesMapper::Drawn AnalyticsSeriesMapper::map(const QList<bool> &hidden,
                                                        const QList<QColor> &colours) const
{
    Drawn drawn;
    drawn.lines.reserve(m_result.series.size());
    drawn.previous.reserve(m_result.series.size());
    drawn.breaks.reserve(m_result.series.size());
    for (int i = 0; i < m_result.series.size(); ++i) {
        if (hidden.value(i, false)) { // left out: nothing drawn, nothing to click
            drawn.lines.append(QList<QPointF>());
            drawn.breaks.append(QList<qsizetype>());
            drawn.previous.append(QList<QPointF>());
            continue;
        }
        mapSeries(i, colours.value(i, AnalyticsChart::seriesColor(i, QPalette())), drawn);
    }
    return drawn;
}

void AnalyticsSeriesMapper::mapSeries(int series, const QColor &color, Drawn &drawn) const
{
    const MetricsSeries &s = m_result.series.at(series);
    const Timeline time
        = timeline(s.points, m_result.bucket, m_zone, s.stats.nativeSeconds * 1000.0);
    Pieces pieces(s.points.size(), m_band);
    readPoints(s, time, pieces, drawn);
    appendReferenceLayers(series, color, pieces, drawn);
    QList<QPointF> previousLine = mapPrevious(series, s, color, drawn);

    Layer mean = lineLayer(Layer::Line, series, pieces.line, QPen(color, 2));
    mean.markers = pieces.line.m_points.size() < kSparsePoints;
    drawn.layers.append(mean);
    drawn.lines.append(std::move(pieces.line.m_points));
    drawn.breaks.append(std::move(pieces.line.m_breaks));
    drawn.previous.append(std::move(previousLine));
}

void AnalyticsSeriesMapper::readPoints(const MetricsSeries &s, const Timeline &time, Pieces &pieces,
                                       Drawn &drawn) const
{
    for (qsizetype j = 0; j < s.points.size(); ++j) {
        const MetricsPoint &p = s.points.at(j);
        const double x = double(time.ms.at(j));
        const bool next = time.adjacent.at(j);
        if (const auto v = MetricsMeasure::drawn(p, m_value, m_request.aggregation)) {
            pieces.line.add(j, next, QPointF(x, *v));
            extend(drawn, *v);
        }
        if (m_band && p.min && p.max) {
            pieces.upper.add(j, next, QPointF(x, *p.max));
            pieces.lower.append(QPointF(x, *p.min));
            extend(drawn, *p.min);
            extend(drawn, *p.max);
        }
        if (!m_capability)
            continue;
        if (p.baseline) {
            pieces.baseline.add(j, next, QPointF(x, *p.baseline));
            extend(drawn, *p.baseline);
        }
        if (p.target) {
            pieces.target.add(j, next, QPointF(x, *p.target));
            extend(drawn, *p.target);
        }
        if (p.mean && p.confidence) {
            // The confidence band: the score +- (1 - confidence) of it.
            const double half = std::abs(*p.mean) * (1.0 - *p.confidence);
            pieces.confUpper.add(j, next, QPointF(x, *p.mean + half));
            pieces.confLower.append(QPointF(x, *p.mean - half));
            extend(drawn, *p.mean + half);
            extend(drawn, *p.mean - half);
        }
    }
}

void AnalyticsSeriesMapper::appendReferenceLayers(int series, const QColor &color,
                                                  const Pieces &pieces, Drawn &drawn) const
{
    if (m_band && !pieces.upper.m_points.isEmpty()) {
        QColor fill = color;
        fill.setAlpha(kBandAlpha);
        drawn.layers.append(bandLayer(Layer::Band, series, pieces.upper, pieces.lower, fill));
    }
    if (!pieces.confUpper.m_points.isEmpty())
        drawn.layers.append(bandLayer(Layer::Confidence, series, pieces.confUpper, pieces.confLower,
                                      QBrush(color, Qt::BDiagPattern)));
    if (!pieces.baseline.m_points.isEmpty())
        drawn.layers.append(
            lineLayer(Layer::Baseline, series, pieces.baseline, QPen(color, 1, Qt::DotLine)));
    if (!pieces.target.m_points.isEmpty())
        drawn.layers.append(
            lineLayer(Layer::Target, series, pieces.target, QPen(color, 1, Qt::DashDotLine)));
}

QList<QPointF> AnalyticsSeriesMapper::mapPrevious(int series, const MetricsSeries &s,
                                                  const QColor &color, Drawn &drawn) const
{
    const MetricsSeries *p = m_previousByKey.value(s.key);
    if (!p)
        return {};
    const double nativeMs = s.stats.nativeSeconds * 1000.0;
    const Timeline previousTime = timeline(p->points, m_result.bucket, m_zone, nativeMs);
    PieceBuilder previous(p->points.size());
    for (qsizetype j = 0; j < p->points.size(); ++j) {
        const MetricsPoint &pt = p->points.at(j);
        if (const auto v = MetricsMeasure::drawn(pt, m_value, m_request.aggregation)) {
            const double x = double(previousTime.ms.at(j) + m_result.previousOffsetMs);
            previous.add(j, previousTime.adjacent.at(j), QPointF(x, *v));
            extend(drawn, *v);
        }
    }
    if (!previous.m_points.isEmpty())
        drawn.layers.append(
            lineLayer(Layer::Previous, series, previous, QPen(color, 1, Qt::DashLine)));
    return std::move(previous.m_points);
}

} // namespace uaip
