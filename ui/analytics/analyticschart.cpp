#include "analyticschart.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QMouseEvent>
#include <QRubberBand>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace uaip {

namespace {

constexpr int kDragThresholdPx = 6;
constexpr int kBandAlpha = 56;
constexpr int kMaxTicks = 5;
constexpr int kSparsePoints = 40; // fewer points than this: markers on the line

QLineSeries *lineOf(const QList<QPointF> &points, const QPen &pen)
{
    auto *series = new QLineSeries;
    series->replace(points);
    series->setPen(pen);
    return series;
}

QString axisFormat(qint64 rangeMs)
{
    constexpr qint64 kDay = 86400000;
    if (rangeMs <= 2 * kDay)
        return QStringLiteral("HH:mm");
    if (rangeMs <= 120 * kDay)
        return QStringLiteral("MMM d");
    return QStringLiteral("MMM yyyy");
}

} // namespace

AnalyticsChart::AnalyticsChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    m_x->setTickCount(6);
    m_y->setTickCount(5);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    applyPalette();
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

QLineSeries *AnalyticsChart::lineSeries(int series) const
{
    return series >= 0 && series < m_lineSeries.size() ? m_lineSeries.at(series) : nullptr;
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

void AnalyticsChart::clear()
{
    chart()->removeAllSeries();
    m_lines.clear();
    m_previous.clear();
    m_lineSeries.clear();
}

void AnalyticsChart::setResult(const MetricsRequest &request, const MetricsResult &result,
                               MetricsMeasure::Value value)
{
    clear();
    const bool band = MetricsMeasure::hasBand(value, request.aggregation);
    const bool capability
        = request.panel == MetricsPanel::Capability && value == MetricsMeasure::Value::Aggregated;
    double lo = std::numeric_limits<double>::max();
    double hi = std::numeric_limits<double>::lowest();
    auto extend = [&](double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    QList<QAbstractSeries *> added;
    const QHash<QString, const MetricsSeries *> previousByKey = [&] {
        QHash<QString, const MetricsSeries *> h;
        for (const MetricsSeries &s : result.previous)
            h.insert(s.key, &s);
        return h;
    }();

    for (int i = 0; i < result.series.size(); ++i) {
        const MetricsSeries &s = result.series.at(i);
        const QColor color = colorOf(i);
        QList<QPointF> line, upper, lower, confUpper, confLower, baseline, target;
        line.reserve(s.points.size());
        if (band) {
            upper.reserve(s.points.size());
            lower.reserve(s.points.size());
        }
        for (const MetricsPoint &p : s.points) {
            const double x = double(p.bucketStart.toMSecsSinceEpoch());
            if (const auto v = MetricsMeasure::drawn(p, value, request.aggregation)) {
                line.append(QPointF(x, *v));
                extend(*v);
            }
            if (band && p.min && p.max) {
                upper.append(QPointF(x, *p.max));
                lower.append(QPointF(x, *p.min));
                extend(*p.min);
                extend(*p.max);
            }
            if (capability) {
                if (p.baseline) {
                    baseline.append(QPointF(x, *p.baseline));
                    extend(*p.baseline);
                }
                if (p.target) {
                    target.append(QPointF(x, *p.target));
                    extend(*p.target);
                }
                if (p.mean && p.confidence) {
                    // The confidence band: the score +- (1 - confidence) of it.
                    const double half = std::abs(*p.mean) * (1.0 - *p.confidence);
                    confUpper.append(QPointF(x, *p.mean + half));
                    confLower.append(QPointF(x, *p.mean - half));
                    extend(*p.mean + half);
                    extend(*p.mean - half);
                }
            }
        }
        if (band && !upper.isEmpty()) {
            auto *area = new QAreaSeries(lineOf(upper, Qt::NoPen), lineOf(lower, Qt::NoPen));
            QColor fill = color;
            fill.setAlpha(kBandAlpha);
            area->setBrush(fill);
            area->setPen(Qt::NoPen);
            added.append(area);
        }
        if (!confUpper.isEmpty()) {
            auto *area
                = new QAreaSeries(lineOf(confUpper, Qt::NoPen), lineOf(confLower, Qt::NoPen));
            area->setBrush(QBrush(color, Qt::BDiagPattern));
            area->setPen(Qt::NoPen);
            added.append(area);
        }
        if (!baseline.isEmpty())
            added.append(lineOf(baseline, QPen(color, 1, Qt::DotLine)));
        if (!target.isEmpty())
            added.append(lineOf(target, QPen(color, 1, Qt::DashDotLine)));

        QList<QPointF> previous;
        if (const MetricsSeries *p = previousByKey.value(s.key)) {
            previous.reserve(p->points.size());
            for (const MetricsPoint &pt : p->points)
                if (const auto v = MetricsMeasure::drawn(pt, value, request.aggregation)) {
                    const double x
                        = double(pt.bucketStart.toMSecsSinceEpoch() + result.previousOffsetMs);
                    previous.append(QPointF(x, *v));
                    extend(*v);
                }
            if (!previous.isEmpty())
                added.append(lineOf(previous, QPen(color, 1.5, Qt::DashLine)));
        }

        QLineSeries *mean = lineOf(line, QPen(color, 2));
        mean->setPointsVisible(line.size() < kSparsePoints);
        connect(mean, &QLineSeries::clicked, this,
                [this, i](const QPointF &p) { onLineClicked(i, p); });
        added.append(mean);
        m_lineSeries.append(mean);
        m_lines.append(line);
        m_previous.append(previous);
    }

    for (QAbstractSeries *series : added) {
        chart()->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_x->setRange(request.from, request.to);
    m_x->setFormat(axisFormat(request.from.msecsTo(request.to)));
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
}

void AnalyticsChart::onLineClicked(int series, const QPointF &value)
{
    if (series < 0 || series >= m_lines.size() || m_lines.at(series).isEmpty())
        return;
    const QList<QPointF> &line = m_lines.at(series);
    // The nearest bucket on screen (x distance only: the bucket is what the click names).
    const auto it = std::lower_bound(line.cbegin(), line.cend(), value.x(),
                                     [](const QPointF &p, double x) { return p.x() < x; });
    qsizetype index = it - line.cbegin();
    if (index == line.size()
        || (index > 0 && value.x() - line.at(index - 1).x() < it->x() - value.x()))
        --index;
    emit pointClicked(series, int(index));
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
        const QPointF a = chart()->mapToValue(chart()->mapFromScene(mapToScene(m_pressPos)));
        const QPointF b
            = chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())));
        const qint64 from = qint64(std::min(a.x(), b.x()));
        const qint64 to = qint64(std::max(a.x(), b.x()));
        const QDateTime min = m_x->min(), max = m_x->max();
        const QDateTime f = std::max(QDateTime::fromMSecsSinceEpoch(from, min.timeZone()), min);
        const QDateTime t = std::min(QDateTime::fromMSecsSinceEpoch(to, min.timeZone()), max);
        if (f < t)
            emit zoomRequested(f, t);
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

} // namespace uaip
