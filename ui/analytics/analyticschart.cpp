#include "analyticschart.h"

#include "analyticsplotitem.h"
#include "compactnumber.h"
#include "timeaxisticks.h"

#include <QCategoryAxis>
#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QLineF>
#include <QLocale>
#include <QMouseEvent>
#include <QRubberBand>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace uaip {

namespace {

constexpr int kDragThresholdPx = 6;
constexpr int kBandAlpha = 56;
constexpr int kMaxTicks = 5;
constexpr int kSparsePoints = 40; // fewer points than this: markers on the line
constexpr double kClickTolerancePx = 8.0; // how far from a line a click still names it
constexpr double kPlotZValue = 5.0; // above Qt Charts' grid and axes (its series level)

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

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * d).length();
}

// A series' rows are continuous across two buckets when the time between the last row of the
// first and the first row of the second is at most this many native intervals (its rows
// drift a little around their schedule).
constexpr double kGapSlack = 1.5;
// Room per time label: the widest label a tick can have and a gap.
constexpr int kTimeLabelSpacingChars = 4;

} // namespace

AnalyticsChart::AnalyticsChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_x(new QCategoryAxis)
    , m_y(new QCategoryAxis)
    , m_plot(new AnalyticsPlotItem(chart()))
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    m_x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_x->setTruncateLabels(false);
    m_y->setTickCount(5);
    // Labels are CompactNumber's (setValueTicks), at the tick values.
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Qt Charts sizes a category axis for its labels late and elides them to "..." meanwhile;
    // CompactNumber's labels are short (at most about six characters): drawn whole.
    m_y->setTruncateLabels(false);
    m_plot->setZValue(kPlotZValue);
    connect(chart(), &QChart::plotAreaChanged, this, &AnalyticsChart::updatePlot);
    connect(m_x, &QCategoryAxis::rangeChanged, this, &AnalyticsChart::updatePlot);
    connect(m_y, &QCategoryAxis::rangeChanged, this, &AnalyticsChart::updatePlot);
    applyPalette();
    updatePlot();
}

void AnalyticsChart::updatePlot()
{
    m_plot->setPlot(chart()->plotArea(), m_x->min(), m_x->max(), m_y->min(), m_y->max());
}

QPointF AnalyticsChart::positionOf(const QPointF &value) const
{
    return m_plot->mapToParent(m_plot->toPixel(value));
}

QPointF AnalyticsChart::valueAtViewport(const QPoint &pos) const
{
    return m_plot->toValue(m_plot->mapFromScene(mapToScene(pos)));
}

QColor AnalyticsChart::seriesColor(int index, const QPalette &palette)
{
    // Hues spread by the golden angle; lightness from the palette so dark themes stay legible.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const int hue = int(std::fmod(210.0 + index * 137.508, 360.0));
    return QColor::fromHsl(hue, dark ? 170 : 200, dark ? 150 : 105);
}

QColor AnalyticsChart::colorOf(int series) const
{
    return seriesColor(series, palette());
}

void AnalyticsChart::applyPalette()
{
    const QPalette pal = palette();
    chart()->setBackgroundBrush(pal.brush(QPalette::Base));
    chart()->setPlotAreaBackgroundVisible(false);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Mid);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y)}) {
        axis->setLabelsBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setTitleBrush(text);
    }
}

void AnalyticsChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void AnalyticsChart::setHiddenSeries(const QList<bool> &hidden)
{
    m_hidden = hidden;
    draw();
}

QStringList AnalyticsChart::valueLabels() const
{
    return m_y->categoriesLabels();
}

QList<QPair<qint64, QString>> AnalyticsChart::timeTicks() const
{
    QList<QPair<qint64, QString>> out;
    for (const QString &label : m_x->categoriesLabels()) {
        QString shown = label;
        shown.remove(QChar(0x200B));
        out.append({qint64(m_x->endValue(label)), shown});
    }
    return out;
}

void AnalyticsChart::setTimeTicks()
{
    for (const QString &label : m_x->categoriesLabels())
        m_x->remove(label);
    const qint64 from = m_request.from.toMSecsSinceEpoch();
    const qint64 to = m_request.to.toMSecsSinceEpoch();
    m_x->setRange(double(from), double(to));
    // As many labels as fit the plot's width with a gap between them (the widest a label can
    // be: a day and month, or a month and year).
    const QFontMetrics metrics(m_x->labelsFont());
    const int room = metrics.horizontalAdvance(QStringLiteral("00. Sept. 0000"))
        + metrics.averageCharWidth() * kTimeLabelSpacingChars;
    const int width = int(chart()->plotArea().width() > 0 ? chart()->plotArea().width()
                                                          : std::max(100, viewport()->width()));
    const int maxTicks = std::clamp(width / std::max(1, room), 2, 12);
    const QList<TimeAxisTicks::Tick> ticks = TimeAxisTicks::ticks(
        m_request.from, m_request.to, QTimeZone(m_request.timeZone.toUtf8()), maxTicks);
    // A category starts where the one before it ends: the first ends at the first tick.
    m_x->setStartValue(double(from) - 1);
    QSet<QString> used;
    for (const TimeAxisTicks::Tick &tick : ticks) {
        // A category axis keys its categories by label: a time of day that repeats on another
        // day is made distinct by invisible zero-width spaces.
        QString label = tick.label;
        while (used.contains(label))
            label += QChar(0x200B);
        used.insert(label);
        m_x->append(label, double(tick.ms));
    }
}

void AnalyticsChart::setValueTicks()
{
    for (const QString &label : m_y->categoriesLabels())
        m_y->remove(label);
    const int ticks = std::max(2, m_y->tickCount());
    const double lo = m_y->min(), hi = m_y->max();
    const double step = (hi - lo) / (ticks - 1);
    const double top = std::max(std::abs(lo), std::abs(hi));
    m_y->setStartValue(lo);
    QStringList seen;
    for (int k = 0; k < ticks; ++k) {
        const double v = k + 1 == ticks ? hi : lo + k * step;
        QString label = CompactNumber::tick(v, step, top);
        while (seen.contains(label)) // the axis needs distinct labels
            label += QChar(0x200B);
        seen.append(label);
        m_y->append(label, v);
    }
}

void AnalyticsChart::clear()
{
    m_plot->setLayers({});
    m_lines.clear();
    m_previous.clear();
    m_breaks.clear();
}

QDateTime AnalyticsChart::bucketEnd(const QDateTime &start, const MetricsBucket &bucket,
                                    const QTimeZone &zone)
{
    if (bucket.unit() == MetricsBucket::Unit::Seconds)
        return start.addSecs(bucket.fixedSeconds());
    const QDate day = start.toTimeZone(zone).date();
    const QDate next = [&] {
        switch (bucket.unit()) {
        case MetricsBucket::Unit::Day:
            return day.addDays(1);
        case MetricsBucket::Unit::Week:
            return day.addDays(7);
        case MetricsBucket::Unit::Month:
            return day.addMonths(1);
        case MetricsBucket::Unit::Quarter:
            return day.addMonths(3);
        case MetricsBucket::Unit::Year:
            return day.addYears(1);
        case MetricsBucket::Unit::Seconds:
            break;
        }
        return day;
    }();
    return QDateTime(next, QTime(0, 0), zone);
}

namespace {

// Per point of a series: its bucket start in ms since the epoch, and whether the line joins it
// to the point before: the bucket right after it (no bucket is missing between them; fixed-size
// buckets compare in ms, calendar ones in the zone), or, when the series' native interval
// (nativeMs, 0 = not known) and the buckets' row times are known, rows no further apart than
// kGapSlack native intervals (a bucket between holds no row only because of where the rows
// fell, not because data is missing).
struct Timeline
{
    QList<qint64> ms;
    QList<bool> adjacent;
};

Timeline timeline(const QList<MetricsPoint> &points, const MetricsBucket &bucket,
                  const QTimeZone &zone, double nativeMs)
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

} // namespace

void AnalyticsChart::setResult(const MetricsRequest &request, const MetricsResult &result,
                               MetricsMeasure::Value value, const QList<bool> &hidden)
{
    m_hidden = hidden;
    m_request = request;
    m_result = result;
    m_value = value;
    draw();
}

void AnalyticsChart::draw()
{
    clear();
    const MetricsRequest &request = m_request;
    const MetricsResult &result = m_result;
    const MetricsMeasure::Value value = m_value;
    const bool band = MetricsMeasure::hasBand(value, request.aggregation);
    const bool capability
        = request.panel == MetricsPanel::Capability && value == MetricsMeasure::Value::Aggregated;
    const QTimeZone zone(request.timeZone.toUtf8());
    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    auto extend = [&](double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    QList<Layer> layers;
    const QHash<QString, const MetricsSeries *> previousByKey = [&] {
        QHash<QString, const MetricsSeries *> h;
        for (const MetricsSeries &s : result.previous)
            h.insert(s.key, &s);
        return h;
    }();
    m_lines.reserve(result.series.size());
    m_previous.reserve(result.series.size());
    m_breaks.reserve(result.series.size());

    for (int i = 0; i < result.series.size(); ++i) {
        if (isHidden(i)) { // left out: nothing drawn, nothing to click
            m_lines.append(QList<QPointF>());
            m_breaks.append(QList<qsizetype>());
            m_previous.append(QList<QPointF>());
            continue;
        }
        const MetricsSeries &s = result.series.at(i);
        const QColor color = colorOf(i);
        const qsizetype n = s.points.size();
        const double nativeMs = s.stats.nativeSeconds * 1000.0;
        const Timeline time = timeline(s.points, result.bucket, zone, nativeMs);
        PieceBuilder line(n), upper(band ? n : 0), confUpper(0), baseline(0), target(0);
        QList<QPointF> lower, confLower;
        if (band)
            lower.reserve(n);
        for (qsizetype j = 0; j < n; ++j) {
            const MetricsPoint &p = s.points.at(j);
            const double x = double(time.ms.at(j));
            const bool next = time.adjacent.at(j);
            if (const auto v = MetricsMeasure::drawn(p, value, request.aggregation)) {
                line.add(j, next, QPointF(x, *v));
                extend(*v);
            }
            if (band && p.min && p.max) {
                upper.add(j, next, QPointF(x, *p.max));
                lower.append(QPointF(x, *p.min));
                extend(*p.min);
                extend(*p.max);
            }
            if (capability) {
                if (p.baseline) {
                    baseline.add(j, next, QPointF(x, *p.baseline));
                    extend(*p.baseline);
                }
                if (p.target) {
                    target.add(j, next, QPointF(x, *p.target));
                    extend(*p.target);
                }
                if (p.mean && p.confidence) {
                    // The confidence band: the score +- (1 - confidence) of it.
                    const double half = std::abs(*p.mean) * (1.0 - *p.confidence);
                    confUpper.add(j, next, QPointF(x, *p.mean + half));
                    confLower.append(QPointF(x, *p.mean - half));
                    extend(*p.mean + half);
                    extend(*p.mean - half);
                }
            }
        }
        if (band && !upper.m_points.isEmpty()) {
            QColor fill = color;
            fill.setAlpha(kBandAlpha);
            layers.append(bandLayer(Layer::Band, i, upper, lower, fill));
        }
        if (!confUpper.m_points.isEmpty())
            layers.append(bandLayer(Layer::Confidence, i, confUpper, confLower,
                                    QBrush(color, Qt::BDiagPattern)));
        if (!baseline.m_points.isEmpty())
            layers.append(lineLayer(Layer::Baseline, i, baseline, QPen(color, 1, Qt::DotLine)));
        if (!target.m_points.isEmpty())
            layers.append(lineLayer(Layer::Target, i, target, QPen(color, 1, Qt::DashDotLine)));

        QList<QPointF> previousLine;
        if (const MetricsSeries *p = previousByKey.value(s.key)) {
            const Timeline previousTime = timeline(p->points, result.bucket, zone, nativeMs);
            PieceBuilder previous(p->points.size());
            for (qsizetype j = 0; j < p->points.size(); ++j) {
                const MetricsPoint &pt = p->points.at(j);
                if (const auto v = MetricsMeasure::drawn(pt, value, request.aggregation)) {
                    const double x = double(previousTime.ms.at(j) + result.previousOffsetMs);
                    previous.add(j, previousTime.adjacent.at(j), QPointF(x, *v));
                    extend(*v);
                }
            }
            if (!previous.m_points.isEmpty())
                layers.append(
                    lineLayer(Layer::Previous, i, previous, QPen(color, 1, Qt::DashLine)));
            previousLine = std::move(previous.m_points);
        }

        Layer mean = lineLayer(Layer::Line, i, line, QPen(color, 2));
        mean.markers = line.m_points.size() < kSparsePoints;
        layers.append(mean);
        m_lines.append(std::move(line.m_points));
        m_breaks.append(std::move(line.m_breaks));
        m_previous.append(std::move(previousLine));
    }

    m_plot->setLayers(std::move(layers));
    setTimeTicks();
    if (lo > hi) {
        lo = 0;
        hi = 1;
    } else if (lo == hi) {
        lo -= 1;
        hi += 1;
    }
    const double pad = (hi - lo) * 0.05;
    m_y->setRange(lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad);
    m_y->applyNiceNumbers();
    // Nice numbers may ask for more ticks than a short plot has room for (the labels are then
    // elided to "..."): keep the nice range, with at most kMaxTicks lines.
    if (m_y->tickCount() > kMaxTicks)
        m_y->setTickCount(kMaxTicks);
    setValueTicks();
}

void AnalyticsChart::clickAt(const QPoint &pos)
{
    // The line nearest to the click on screen (the topmost on a tie), within a few pixels; the
    // point is then its nearest bucket by x (the bucket is what the click names).
    const QPointF at = m_plot->mapFromScene(mapToScene(pos));
    const double x = m_plot->toValue(at).x();
    int bestSeries = -1;
    qsizetype bestIndex = 0;
    double bestDistance = kClickTolerancePx;
    for (int series = int(m_lines.size()) - 1; series >= 0; --series) {
        const QList<QPointF> &line = m_lines.at(series);
        if (line.isEmpty())
            continue;
        const auto it = std::lower_bound(line.cbegin(), line.cend(), x,
                                         [](const QPointF &p, double v) { return p.x() < v; });
        qsizetype index = it - line.cbegin();
        if (index == line.size() || (index > 0 && x - line.at(index - 1).x() < it->x() - x))
            --index;
        const QPointF p = m_plot->toPixel(line.at(index));
        double distance = QLineF(at, p).length();
        if (index > 0)
            distance
                = std::min(distance, distanceToSegment(at, m_plot->toPixel(line.at(index - 1)), p));
        if (index + 1 < line.size())
            distance
                = std::min(distance, distanceToSegment(at, p, m_plot->toPixel(line.at(index + 1))));
        if (distance < bestDistance) {
            bestDistance = distance;
            bestSeries = series;
            bestIndex = index;
        }
    }
    if (bestSeries >= 0)
        emit pointClicked(bestSeries, int(bestIndex));
}

void AnalyticsChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_dragging = false;
    }
    QChartView::mousePressEvent(event);
}

void AnalyticsChart::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        const QPoint pos = event->position().toPoint();
        if (!m_dragging && std::abs(pos.x() - m_pressPos.x()) >= kDragThresholdPx)
            m_dragging = true;
        if (m_dragging) {
            if (!m_band)
                m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
            const QRectF plot = chart()->plotArea();
            const QRect r(QPoint(std::min(pos.x(), m_pressPos.x()), int(plot.top())),
                          QPoint(std::max(pos.x(), m_pressPos.x()), int(plot.bottom())));
            m_band->setGeometry(r);
            m_band->show();
            return;
        }
    }
    QChartView::mouseMoveEvent(event);
}

void AnalyticsChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        if (m_band)
            m_band->hide();
        const QPointF a = valueAtViewport(m_pressPos);
        const QPointF b = valueAtViewport(event->position().toPoint());
        const qint64 from = qint64(std::min(a.x(), b.x()));
        const qint64 to = qint64(std::max(a.x(), b.x()));
        const QTimeZone zone = m_request.from.timeZone();
        const QDateTime min = QDateTime::fromMSecsSinceEpoch(qint64(m_x->min()), zone);
        const QDateTime max = QDateTime::fromMSecsSinceEpoch(qint64(m_x->max()), zone);
        const QDateTime f = std::max(QDateTime::fromMSecsSinceEpoch(from, zone), min);
        const QDateTime t = std::min(QDateTime::fromMSecsSinceEpoch(to, zone), max);
        if (f < t)
            emit zoomRequested(f, t);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton)
        clickAt(event->position().toPoint());
    QChartView::mouseReleaseEvent(event);
}

} // namespace uaip
