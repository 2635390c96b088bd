#include "historychart.h"

#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace uaip {

namespace {

void hideHistoryLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *m : chart->legend()->markers(series))
        m->setVisible(false);
}

} // namespace

HistoryChart::HistoryChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
}

void HistoryChart::reset()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *axis : chart()->axes()) {
        chart()->removeAxis(axis); // hands it back: ours to delete
        delete axis;
    }
    m_lines = 0;
    m_markers.clear();
}

void HistoryChart::clearWith(const QString &title)
{
    reset();
    chart()->setTitle(title);
}

double HistoryChart::addLine(const Line &line, QValueAxis *axis, const QColor &color, bool named)
{
    double top = 0;
    bool first = true;
    for (const QList<QPointF> &segment : line.segments) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        series->setColor(color);
        series->append(segment);
        series->setPointsVisible(segment.size() < 100); // few samples: each one seen
        chart()->addSeries(series);
        series->attachAxis(chart()->axes(Qt::Horizontal).constFirst());
        series->attachAxis(axis);
        if (!first || !named)
            hideHistoryLegend(chart(), series);
        first = false;
        ++m_lines;
        for (const QPointF &p : segment)
            top = std::max(top, p.y());
    }
    return top;
}

void HistoryChart::addMarker(qint64 x, const QStringList &labels, QValueAxis *axis, double top)
{
    auto *line = new QLineSeries;
    line->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    line->append(qreal(x), 0);
    line->append(qreal(x), top);
    auto *label = new QScatterSeries;
    label->setMarkerSize(6);
    label->setColor(palette().color(QPalette::Mid));
    label->append(qreal(x), top * 0.93); // its label inside the plot, clear of the title
    label->setPointLabelsFormat(labels.join(QStringLiteral(", ")));
    label->setPointLabelsVisible(true);
    label->setPointLabelsClipping(false);
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(label)}) {
        chart()->addSeries(s);
        s->attachAxis(chart()->axes(Qt::Horizontal).constFirst());
        s->attachAxis(axis);
        hideHistoryLegend(chart(), s);
    }
}

void HistoryChart::addMarkers(const QList<WorkloadHistorySeries::Migration> &migrations,
                              QValueAxis *axis, qint64 fromMs, qint64 toMs)
{
    // migrations closer than a 60th of the span share a marker: their labels would overlap
    const qint64 near = std::max<qint64>((toMs - fromMs) / 60, 1);
    qint64 at = 0;
    QStringList labels;
    for (const WorkloadHistorySeries::Migration &m : migrations) {
        const qint64 x = m.at.toMSecsSinceEpoch();
        if (x < fromMs || x > toMs)
            continue;
        if (!labels.isEmpty() && x - at > near) {
            addMarker(at, labels, axis, axis->max());
            labels.clear();
        }
        if (labels.isEmpty())
            at = x;
        labels << (m.action == QLatin1String("apply") ? m.version
                                                      : QString(QChar(0x21A9)) + m.version);
        m_markers << m.version;
    }
    if (!labels.isEmpty())
        addMarker(at, labels, axis, axis->max());
}

void HistoryChart::plot(const QString &title, const Line &left, const Line &right,
                        const QList<WorkloadHistorySeries::Migration> &migrations, qint64 fromMs,
                        qint64 toMs)
{
    reset();
    chart()->setTitle(title);
    auto *time = new QDateTimeAxis;
    time->setFormat(toMs - fromMs < 2 * 3600 * 1000        ? QStringLiteral("HH:mm:ss")
                        : toMs - fromMs < 24 * 3600 * 1000 ? QStringLiteral("HH:mm")
                                                           : QStringLiteral("MM-dd HH:mm"));
    time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    chart()->addAxis(time, Qt::AlignBottom);
    auto *leftAxis = new QValueAxis;
    leftAxis->setTitleText(left.name);
    chart()->addAxis(leftAxis, Qt::AlignLeft);
    const QList<QColor> colors{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x61, 0x1e)};
    const double leftTop = addLine(left, leftAxis, colors.at(0), true);
    leftAxis->setRange(0, leftTop > 0 ? leftTop * 1.15 : 1);
    leftAxis->applyNiceNumbers();
    if (!right.name.isEmpty()) {
        auto *rightAxis = new QValueAxis;
        rightAxis->setTitleText(right.name);
        chart()->addAxis(rightAxis, Qt::AlignRight);
        const double rightTop = addLine(right, rightAxis, colors.at(1), true);
        rightAxis->setRange(0, rightTop > 0 ? rightTop * 1.15 : 1);
        rightAxis->applyNiceNumbers();
    }
    addMarkers(migrations, leftAxis, fromMs, toMs);
}

} // namespace uaip
