#include "analyticspanel.h"

#include "analyticschart.h"
#include "analyticspngexport.h"
#include "analyticsrowfilters.h"
#include "metrics/metricsexport.h"
#include "metrics/metricsquery.h"
#include "widgets/flowlayout.h"
#include "widgets/localeformat.h"
#include "widgets/sqlview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QResizeEvent>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace uaip {

namespace {

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
{
    setObjectName(QStringLiteral("analyticsPanel_") + metricsPanelName(panel));
    setFrameShape(QFrame::StyledPanel);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(title().toHtmlEscaped()));
    m_measureBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_measureBox->setMinimumContentsLength(12);
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
    layOut(createMoreButton());

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

QToolButton *AnalyticsPanel::createMoreButton()
{
    auto *more = new QToolButton(this);
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *moreMenu = new QMenu(more);
    moreMenu->addAction(tr("Show SQL…"), this, &AnalyticsPanel::showSql);
    moreMenu->addAction(tr("Export PNG…"), this, &AnalyticsPanel::exportPngInteractive);
    moreMenu->addAction(tr("Export CSV…"), this, &AnalyticsPanel::exportCsvInteractive);
    more->setMenu(moreMenu);
    return more;
}

void AnalyticsPanel::layOut(QToolButton *more)
{
    // Two rows, so two panels fit side by side in a 1280 px window.
    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(m_title);
    head->addStretch();
    head->addWidget(m_bucketLabel);
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
        return setMessage(result.status == MetricsResult::Status::Cancelled ? tr("Cancelled.")
                                                                            : result.message);
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

bool AnalyticsPanel::exportCsv(const QString &path, QString *error) const
{
    if (!m_hasResult) {
        *error = tr("Nothing drawn to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(MetricsExport::csv(m_request, m_result)) < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString AnalyticsPanel::sqlText() const
{
    if (!m_hasResult)
        return QString();
    // Every statement the query sent (top N, series, previous period, labels), in order.
    QStringList parts;
    for (const BoundStatement &st : m_result.sent)
        parts.append(st.display());
    if (parts.isEmpty() && !m_result.statement.isEmpty())
        parts.append(m_result.statement.display());
    return parts.join(QStringLiteral("\n\n"));
}

AnalyticsPngExport::Content AnalyticsPanel::pngContent() const
{
    AnalyticsPngExport::Content content;
    content.title = hasMeasure() ? tr("%1: %2").arg(title(), measure().label) : title();
    const QTimeZone zone(m_request.timeZone.toUtf8());
    content.range = tr("%1 to %2 (%3), bucket %4")
                        .arg(LocaleFormat::dateTime(m_request.from.toTimeZone(zone), false),
                             LocaleFormat::dateTime(m_request.to.toTimeZone(zone), false),
                             m_request.timeZone, m_result.bucket.label());
    const AnalyticsLegend::Statistics statistics = legendStatistics();
    content.legendHeader = AnalyticsLegend::header(statistics);
    content.columns = AnalyticsLegend::columns();
    content.colourSlots = m_chart->colourSlots();
    const QList<bool> hidden = hiddenSeries();
    for (int i = 0; i < m_result.series.size(); ++i) {
        AnalyticsPngExport::Row row;
        row.color = m_chart->colorOf(i);
        row.label = hidden.at(i) ? tr("%1 (not drawn)").arg(m_result.series.at(i).label)
                                 : m_result.series.at(i).label;
        row.cells = AnalyticsLegend::cells(m_result.series.at(i), statistics);
        content.rows.append(row);
    }
    return content;
}

bool AnalyticsPanel::exportPng(const QString &path, const QSize &size, QString *error)
{
    if (!m_hasResult || m_result.noData()) {
        *error = tr("Nothing drawn to export yet.");
        return false;
    }
    const QImage image = AnalyticsPngExport::render(pngContent(), size, m_request, m_result,
                                                    measure().value, hiddenSeries(), palette());
    if (image.isNull() || !image.save(path, "PNG")) {
        *error = tr("Cannot write the picture to %1.").arg(path);
        return false;
    }
    return true;
}

void AnalyticsPanel::showSql()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("SQL of %1").arg(title()));
    auto *view = new SqlView(&dialog);
    const QString sql = sqlText();
    view->setSql(sql.isEmpty() ? tr("-- Not run yet.") : sql);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog.resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 30);
    dialog.exec();
}

void AnalyticsPanel::exportPngInteractive()
{
    const QStringList sizes{QStringLiteral("1200 × 800"), QStringLiteral("1600 × 900"),
                            QStringLiteral("1920 × 1080"), QStringLiteral("2400 × 1600")};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Export PNG"), tr("Picture size (pixels):"), sizes, 1, false, &ok);
    if (!ok)
        return;
    const QStringList wh = chosen.split(QStringLiteral(" × "));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export PNG"), metricsPanelName(m_panel) + QStringLiteral(".png"),
        tr("PNG images (*.png)"));
    QString error;
    if (!path.isEmpty()
        && !exportPng(path, QSize(wh.value(0).toInt(), wh.value(1).toInt()), &error))
        QMessageBox::warning(this, tr("Export PNG"), error);
}

void AnalyticsPanel::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), metricsPanelName(m_panel) + QStringLiteral(".csv"),
        tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export CSV"), error);
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
