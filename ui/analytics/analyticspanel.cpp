#include "analyticspanel.h"

#include "analyticschart.h"
#include "analyticsrowfilters.h"
#include "metrics/metricsquery.h"
#include "widgets/flowlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace uaip {

namespace {

// A tool button that opens its menu at once has the menu's arrow painted over its corner,
// inside the width its size hint asks for: "Mehr" lost its "r" under it. As wide again as the
// arrow, the text (centred) clears it.
void roomForMenuArrow(QToolButton *button)
{
    button->setMinimumWidth(
        button->sizeHint().width()
        + button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button));
}

constexpr int kAxisRoomPx = 60;

} // namespace

AnalyticsPanel::AnalyticsPanel(MetricsPanel panel, QWidget *parent)
    : QFrame(parent)
    , m_panel(panel)
    , m_title(new QLabel(this))
    , m_measureBox(new QComboBox(this))
    , m_aggregationBox(new QComboBox(this))
    , m_seriesButton(new QToolButton(this))
    , m_seriesMenu(new AnalyticsSeriesMenu(this))
    , m_previousBox(new QCheckBox(tr("vs previous"), this))
    , m_bucketLabel(new QLabel(this))
    , m_maximise(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_chart(new AnalyticsChart(this))
    , m_legend(new AnalyticsLegend(m_chart, this))
    , m_export(new AnalyticsPanelExport(this))
{
    setObjectName(QStringLiteral("analyticsPanel_") + metricsPanelName(panel));
    setFrameShape(QFrame::StyledPanel);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(title().toHtmlEscaped()));
    // As wide as its longest measure ("Ausführungszeit (ms)" was cut at 12 characters); the
    // controls' flow wraps it onto a row of its own in a narrow panel.
    m_measureBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_measureBox->setToolTip(tr("What the line shows"));
    for (const QString &name : metricsAggregationNames())
        m_aggregationBox->addItem(metricsAggregationLabel(*metricsAggregationFromName(name)), name);
    m_aggregationBox->setToolTip(
        tr("Aggregation per bucket (the light band is the bucket's min and max)"));
    m_seriesButton->setText(tr("Series"));
    m_seriesButton->setToolTip(tr("Which series are drawn (default: the top 10 by volume)"));
    m_seriesButton->setPopupMode(QToolButton::InstantPopup);
    m_seriesButton->setMenu(m_seriesMenu->menu());
    m_previousBox->setToolTip(tr("Overlay the same length of time just before the range, dashed"));
    m_bucketLabel->setToolTip(tr("Bucket size: chosen from the range and the plot width"));
    m_maximise->setCheckable(true);
    m_maximise->setText(tr("Maximise"));
    m_maximise->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    m_maximise->setToolTip(tr("Maximise this panel / back to the dashboard"));
    layOut(m_export->createButton());

    if (panel != MetricsPanel::Persona && panel != MetricsPanel::Capability)
        setMeasures(MetricsMeasure::fixed(panel));
    else
        setMessage(tr("No measurements yet."));
    connect(m_measureBox, &QComboBox::currentIndexChanged, this, &AnalyticsPanel::onMeasureChanged);
    connect(m_aggregationBox, &QComboBox::currentIndexChanged, this, &AnalyticsPanel::changed);
    connect(m_previousBox, &QCheckBox::toggled, this, &AnalyticsPanel::changed);
    connect(m_maximise, &QToolButton::toggled, this, &AnalyticsPanel::maximiseToggled);
    connect(m_chart, &AnalyticsChart::zoomRequested, this, &AnalyticsPanel::zoomRequested);
    connect(m_chart, &AnalyticsChart::pointClicked, this, &AnalyticsPanel::onPointClicked);
    connect(m_legend, &AnalyticsLegend::checksChanged, this, &AnalyticsPanel::applyHidden);
    connect(m_seriesMenu, &AnalyticsSeriesMenu::listRequested, this,
            &AnalyticsPanel::seriesListRequested);
    connect(m_seriesMenu, &AnalyticsSeriesMenu::idsChosen, this, &AnalyticsPanel::setChosenIds);
}

void AnalyticsPanel::layOut(QToolButton *more)
{
    // Two rows, so two panels fit side by side in a 1280 px window.
    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(m_title);
    head->addStretch();
    head->addWidget(m_bucketLabel);
    roomForMenuArrow(more);
    roomForMenuArrow(m_seriesButton);
    head->addWidget(more);
    head->addWidget(m_maximise);
    // A flow: in a narrow panel (two side by side in a 1024 px window, German labels) the
    // controls wrap onto a second row instead of widening the panel (the dashboard scrolled
    // sideways).
    auto *controls = new FlowLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_measureBox);
    controls->addWidget(m_aggregationBox);
    controls->addWidget(m_seriesButton);
    controls->addWidget(m_previousBox);

    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_stack->addWidget(m_chart);
    m_stack->addWidget(m_message);
    m_chart->setMinimumHeight(fontMetrics().height() * 10);
    m_stack->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(head);
    layout->addLayout(controls);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_legend->caption());
    layout->addWidget(m_legend->table());
}

QString AnalyticsPanel::title() const
{
    return titleOf(m_panel);
}

QString AnalyticsPanel::titleOf(MetricsPanel panel)
{
    switch (panel) {
    case MetricsPanel::Persona:
        return tr("Persona metrics");
    case MetricsPanel::Capability:
        return tr("Agent capability");
    case MetricsPanel::Tools:
        return tr("Tool usage");
    case MetricsPanel::Interactions:
        return tr("AI interactions");
    case MetricsPanel::Tokens:
        return tr("Token consumption");
    }
    return QString();
}

void AnalyticsPanel::setMeasures(const QList<MetricsMeasure> &measures)
{
    const QSignalBlocker block(m_measureBox);
    const QString current = m_measureBox->currentText();
    m_measures = measures;
    m_measureBox->clear();
    for (const MetricsMeasure &m : measures)
        m_measureBox->addItem(m.label);
    const int keep = m_measureBox->findText(current);
    m_measureBox->setCurrentIndex(keep >= 0 ? keep : (measures.isEmpty() ? -1 : 0));
    if (measures.isEmpty())
        setMessage(tr("Nothing recorded in %1 yet.").arg(metricsPanelTable(m_panel)));
    const QSignalBlocker blockAgg(m_aggregationBox);
    if (hasMeasure() && keep < 0)
        m_aggregationBox->setCurrentIndex(
            m_aggregationBox->findData(metricsAggregationName(measure().defaultAggregation)));
    m_aggregationBox->setEnabled(hasMeasure()
                                 && measure().value == MetricsMeasure::Value::Aggregated);
}

bool AnalyticsPanel::hasMeasure() const
{
    const int i = m_measureBox->currentIndex();
    return i >= 0 && i < m_measures.size();
}

const MetricsMeasure &AnalyticsPanel::measure() const
{
    return m_measures.at(m_measureBox->currentIndex());
}

void AnalyticsPanel::onMeasureChanged()
{
    if (!hasMeasure())
        return;
    {
        const QSignalBlocker block(m_aggregationBox);
        m_aggregationBox->setCurrentIndex(
            m_aggregationBox->findData(metricsAggregationName(measure().defaultAggregation)));
        m_aggregationBox->setEnabled(measure().value == MetricsMeasure::Value::Aggregated);
    }
    // Another measurement has other series.
    m_seriesMenu->setIds({});
    m_legend->forgetChecks();
    emit changed();
}

MetricsRequest AnalyticsPanel::request(const QDateTime &from, const QDateTime &to,
                                       const QString &zone) const
{
    MetricsRequest r;
    r.panel = m_panel;
    r.from = from;
    r.to = to;
    r.timeZone = zone;
    // The plot's width less room for the value axis: known before the first layout and the
    // same for the same window (the plot area depends on the labels drawn).
    r.widthPx = std::max(100, m_stack->width() - kAxisRoomPx); // the chart may be hidden
    if (hasMeasure()) {
        const MetricsMeasure &m = measure();
        r.metricType = m.type;
        r.metricName = m.name;
        r.aggregation = m.value == MetricsMeasure::Value::Aggregated
            ? metricsAggregationFromName(m_aggregationBox->currentData().toString())
                  .value_or(m.defaultAggregation)
            : MetricsAggregation::Mean;
    }
    r.ids = m_seriesMenu->ids();
    r.previousPeriod = m_previousBox->isChecked();
    return r;
}

bool AnalyticsPanel::showsChart() const
{
    return m_stack->currentWidget() == m_chart;
}

void AnalyticsPanel::setRunning(const QString &text)
{
    m_bucketLabel->setText(text);
}

void AnalyticsPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_chart->clear();
    m_legend->clearRows();
}

QString AnalyticsPanel::interval(double seconds)
{
    const QLocale locale;
    if (seconds >= 86400 * 0.9)
        return tr("about %1 d").arg(locale.toString(seconds / 86400, 'f', 1));
    if (seconds >= 3600 * 0.9)
        return tr("about %1 h").arg(locale.toString(seconds / 3600, 'f', 1));
    if (seconds >= 60)
        return tr("about %1 min").arg(locale.toString(seconds / 60, 'f', 0));
    return tr("about %1 s").arg(locale.toString(seconds, 'f', 0));
}

void AnalyticsPanel::setResult(const MetricsRequest &request, const MetricsResult &result)
{
    m_request = request;
    m_result = result;
    m_hasResult = result.ok();
    if (!result.ok()) {
        m_bucketLabel->clear();
        return setMessage(result.error.code() == ErrorCode::Cancelled ? tr("Cancelled.")
                                                                      : result.error.toString());
    }
    m_bucketLabel->setText(tr("bucket %1").arg(result.bucket.label()));
    m_bucketLabel->setToolTip(
        result.bucketFromSampling
            ? tr("Bucket size: not finer than the data's own interval (%1 between rows, "
                 "measured from the rows in this range), so the line is not broken into dots; "
                 "zoom in for finer buckets")
                  .arg(interval(result.samplingSeconds))
            : tr("Bucket size: chosen from the range and the plot width"));
    if (result.noData()) {
        m_result.series.clear();
        setMessage(tr("No data in this range."));
        return;
    }
    sortSeries();
    // Shown first: a chart laid out while hidden keeps axis labels sized for its old range.
    m_stack->setCurrentWidget(m_chart);
    m_chart->setResult(request, m_result, measure().value, hiddenSeries());
    m_legend->fill(m_result.series, hiddenSeries(), legendStatistics());
}

void AnalyticsPanel::sortSeries()
{
    // By name (then key), not by volume as the server ranks them: a refresh while rows
    // arrive must not reorder the legend (the largest series are still the ones drawn).
    std::stable_sort(m_result.series.begin(), m_result.series.end(),
                     [](const MetricsSeries &a, const MetricsSeries &b) {
                         const int c = QString::localeAwareCompare(a.label, b.label);
                         return c != 0 ? c < 0 : a.key < b.key;
                     });
}

bool AnalyticsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_stack && event->type() == QEvent::Resize
        && static_cast<QResizeEvent *>(event)->size().width()
            != static_cast<QResizeEvent *>(event)->oldSize().width())
        emit plotWidthChanged();
    return QFrame::eventFilter(watched, event);
}

void AnalyticsPanel::setSeriesList(const QList<MetricsSeries> &series)
{
    QStringList drawn;
    for (const MetricsSeries &s : std::as_const(m_result.series))
        drawn.append(s.key);
    m_seriesMenu->setSeriesList(series, drawn);
}

void AnalyticsPanel::setChosenIds(const QStringList &ids)
{
    m_seriesMenu->setIds(ids);
    emit changed();
}

QList<bool> AnalyticsPanel::hiddenSeries() const
{
    // series the user chose in the Series menu are all drawn
    return m_legend->hiddenSeries(
        m_result.series, m_seriesMenu->ids().isEmpty() ? kDrawnSeries : m_result.series.size());
}

void AnalyticsPanel::applyHidden()
{
    m_chart->setHiddenSeries(hiddenSeries());
}

void AnalyticsPanel::setSeriesShown(int series, bool shown)
{
    m_legend->setSeriesShown(series, shown);
}

AnalyticsLegend::Statistics AnalyticsPanel::legendStatistics() const
{
    AnalyticsLegend::Statistics statistics;
    statistics.raw = hasMeasure() && measure().value == MetricsMeasure::Value::Aggregated;
    if (hasMeasure())
        statistics.value = measure().value;
    statistics.aggregation = m_request.aggregation;
    statistics.bucket = m_bucketLabel->text();
    return statistics;
}

QList<ColumnFilter> AnalyticsPanel::filtersFor(int series, int point) const
{
    if (!m_hasResult || series < 0 || series >= m_result.series.size())
        return {};
    const QList<QPointF> &line = m_chart->drawnLines().value(series);
    if (point < 0 || point >= line.size())
        return {};
    return AnalyticsRowFilters::of(m_panel, m_request, m_result.bucket, m_result.series.at(series),
                                   qint64(line.at(point).x()));
}

void AnalyticsPanel::onPointClicked(int series, int point)
{
    const QList<ColumnFilter> filters = filtersFor(series, point);
    if (!filters.isEmpty())
        emit rowsRequested(QStringLiteral("public"), metricsPanelTable(m_panel), filters);
}

} // namespace uaip
