#include "analyticschart.h"

#include "analyticsplotitem.h"
#include "analyticsseriesmapper.h"
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

namespace uaip {

namespace {

constexpr int kDragThresholdPx = 6;
constexpr int kMaxTicks = 5;
constexpr double kClickTolerancePx = 8.0; // how far from a line a click still names it
constexpr double kPlotZValue = 5.0; // above Qt Charts' grid and axes (its series level)

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * d).length();
}

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
    applyMargins();
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

void AnalyticsChart::applyMargins()
{
    // The top value label is centred on the plot's top edge: half of it lies above the plot,
    // and with a 2 px margin it was cut off at the top of the chart.
    const QFontMetrics metrics(m_y->labelsFont());
    chart()->setMargins(QMargins(2, (metrics.height() + 1) / 2 + 2, 2, 2));
}

void AnalyticsChart::updatePlot()
{
    m_plot->setPlot(chart()->plotArea(), m_x->min(), m_x->max(), m_y->min(), m_y->max());
    // A result drawn before the chart was laid out (the view queried while hidden) was ticked
    // for a plot of no width: tick it again for the width it has now (after this layout pass:
    // Qt Charts is laying out its axes).
    if (!m_request.from.isValid() || m_retickPending || maxTimeTicks() == m_timeTicksFor)
        return;
    m_retickPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_retickPending = false;
            if (maxTimeTicks() != m_timeTicksFor)
                setTimeTicks();
        },
        Qt::QueuedConnection);
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
    if (series < 0 || series >= m_result.series.size())
        return seriesColor(series, palette());
    return seriesColor(m_colourSlots.value(m_result.series.at(series).key, series), palette());
}

QList<QColor> AnalyticsChart::seriesColours() const
{
    QList<QColor> colours;
    colours.reserve(m_result.series.size());
    for (int i = 0; i < m_result.series.size(); ++i)
        colours.append(colorOf(i));
    return colours;
}

void AnalyticsChart::assignColourSlots()
{
    // A key keeps its colour; a new one (or one whose colour another series of this result
    // holds) takes the lowest colour free in this result.
    QSet<int> taken;
    QStringList fresh;
    for (const MetricsSeries &s : std::as_const(m_result.series)) {
        const auto it = m_colourSlots.constFind(s.key);
        if (it != m_colourSlots.cend() && !taken.contains(*it))
            taken.insert(*it);
        else
            fresh.append(s.key);
    }
    int next = 0;
    for (const QString &key : std::as_const(fresh)) {
        while (taken.contains(next))
            ++next;
        m_colourSlots.insert(key, next);
        taken.insert(next);
    }
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

int AnalyticsChart::maxTimeTicks() const
{
    // As many labels as fit the plot's width with a gap between them (the widest a label can
    // be: a day and month, or a month and year).
    const QFontMetrics metrics(m_x->labelsFont());
    const int room = metrics.horizontalAdvance(QStringLiteral("00. Sept. 0000"))
        + metrics.averageCharWidth() * kTimeLabelSpacingChars;
    const int width = int(chart()->plotArea().width() > 0 ? chart()->plotArea().width()
                                                          : std::max(100, viewport()->width()));
    return std::clamp(width / std::max(1, room), 2, 12);
}

void AnalyticsChart::setTimeTicks()
{
    for (const QString &label : m_x->categoriesLabels())
        m_x->remove(label);
    const qint64 from = m_request.from.toMSecsSinceEpoch();
    const qint64 to = m_request.to.toMSecsSinceEpoch();
    m_x->setRange(double(from), double(to));
    m_timeTicksFor = maxTimeTicks();
    const QList<TimeAxisTicks::Tick> ticks = TimeAxisTicks::ticks(
        m_request.from, m_request.to, QTimeZone(m_request.timeZone.toUtf8()), m_timeTicksFor);
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

void AnalyticsChart::setResult(const MetricsRequest &request, const MetricsResult &result,
                               MetricsMeasure::Value value, const QList<bool> &hidden)
{
    m_hidden = hidden;
    m_request = request;
    m_result = result;
    m_value = value;
    assignColourSlots();
    draw();
}

void AnalyticsChart::draw()
{
    clear();
    AnalyticsSeriesMapper::Drawn drawn
        = AnalyticsSeriesMapper(m_request, m_result, m_value).map(m_hidden, seriesColours());
    m_lines = std::move(drawn.lines);
    m_previous = std::move(drawn.previous);
    m_breaks = std::move(drawn.breaks);
    double lo = drawn.lo;
    double hi = drawn.hi;
    m_plot->setLayers(std::move(drawn.layers));
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
