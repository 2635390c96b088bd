#include "analyticslegend.h"

#include "analyticschart.h"
#include "compactnumber.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPixmap>
#include <QSet>
#include <QTableWidget>

#include <algorithm>

namespace uaip {

namespace {

constexpr int kLegendRows = 4; // rows the legend shows before it scrolls
constexpr int kStatColumns = 4;

QString compactNumber(const std::optional<double> &v)
{
    return v ? CompactNumber::format(*v) : QString();
}

} // namespace

AnalyticsLegend::AnalyticsLegend(const AnalyticsChart *chart, QWidget *panel)
    : QObject(panel)
    , m_chart(chart)
    , m_panel(panel)
    , m_caption(new QLabel(panel))
    , m_table(new QTableWidget(0, 1 + kStatColumns, panel))
{
    const QFontMetrics metrics = panel->fontMetrics();
    m_caption->setObjectName(QStringLiteral("legendCaption"));
    m_caption->setWordWrap(true);
    m_caption->setToolTip(tr("Uncheck a series to leave it out of the chart"));
    m_table->setHorizontalHeaderLabels(columns());
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() != 0 || m_filling)
            return;
        m_userShown.insert(item->data(Qt::UserRole).toString(), item->checkState() == Qt::Checked);
        emit checksChanged();
    });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c <= kStatColumns; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() + 4);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + kLegendRows * (metrics.height() + 4) + 4);
}

QStringList AnalyticsLegend::columns()
{
    return {tr("Series"), tr("Min"), tr("Max"), tr("Mean"), tr("Last")};
}

QString AnalyticsLegend::header(const Statistics &statistics)
{
    return statistics.raw
        ? tr("Min, Max, Mean and Last of the raw rows in the range (not of the buckets: the "
             "same for every width, zoom and bucket size)")
        : tr("Min, Max, Mean and Last of the drawn buckets (%1 per bucket)").arg(statistics.bucket);
}

QStringList AnalyticsLegend::cells(const MetricsSeries &series, const Statistics &statistics)
{
    if (statistics.raw) {
        const MetricsSeriesStats &st = series.stats;
        return {compactNumber(st.min), compactNumber(st.max), compactNumber(st.mean),
                compactNumber(st.last)};
    }
    // Calls and rates exist per bucket only: the statistics of the drawn buckets.
    QList<double> values;
    for (const MetricsPoint &p : series.points)
        if (const auto v = MetricsMeasure::drawn(p, statistics.value, statistics.aggregation))
            values.append(*v);
    if (values.isEmpty())
        return {QString(), QString(), QString(), QString()};
    double sum = 0;
    for (double v : values)
        sum += v;
    return {compactNumber(*std::min_element(values.cbegin(), values.cend())),
            compactNumber(*std::max_element(values.cbegin(), values.cend())),
            compactNumber(sum / double(values.size())), compactNumber(values.last())};
}

QList<bool> AnalyticsLegend::hiddenSeries(const QList<MetricsSeries> &series,
                                          qsizetype drawnByDefault) const
{
    // The drawnByDefault largest by volume (on a tie the lower key, as the server ranks them).
    QList<const MetricsSeries *> byVolume;
    for (const MetricsSeries &s : series)
        byVolume.append(&s);
    std::stable_sort(byVolume.begin(), byVolume.end(),
                     [](const MetricsSeries *a, const MetricsSeries *b) {
                         return a->volume != b->volume ? a->volume > b->volume : a->key < b->key;
                     });
    QSet<QString> largest;
    for (qsizetype i = 0; i < std::min(drawnByDefault, byVolume.size()); ++i)
        largest.insert(byVolume.at(i)->key);
    QList<bool> hidden;
    for (const MetricsSeries &s : series)
        hidden.append(!m_userShown.value(s.key, largest.contains(s.key)));
    return hidden;
}

void AnalyticsLegend::forgetChecks()
{
    m_userShown.clear();
}

void AnalyticsLegend::setSeriesShown(int series, bool shown)
{
    if (series < 0 || series >= m_table->rowCount())
        return;
    m_table->item(series, 0)->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
}

void AnalyticsLegend::fill(const QList<MetricsSeries> &series, const QList<bool> &hidden,
                           const Statistics &statistics)
{
    m_filling = true;
    m_caption->setText(header(statistics));
    for (int c = 1; c <= kStatColumns; ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(m_caption->text());
    m_table->setRowCount(int(series.size()));
    const QFontMetrics metrics = m_panel->fontMetrics();
    for (int i = 0; i < series.size(); ++i) {
        const MetricsSeries &s = series.at(i);
        auto *name = new QTableWidgetItem(s.label);
        name->setToolTip(tr("%1\nUncheck to leave it out of the chart").arg(s.key));
        name->setData(Qt::UserRole, s.key);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(hidden.at(i) ? Qt::Unchecked : Qt::Checked);
        QPixmap swatch(metrics.height() / 2 + 4, metrics.height() / 2 + 4);
        swatch.fill(m_chart->colorOf(i));
        name->setIcon(QIcon(swatch));
        m_table->setItem(i, 0, name);
        const QStringList row = cells(s, statistics);
        for (int c = 0; c < kStatColumns; ++c) {
            auto *item = new QTableWidgetItem(row.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(i, c + 1, item);
        }
    }
    m_filling = false;
}

void AnalyticsLegend::clearRows()
{
    m_table->setRowCount(0);
}

} // namespace uaip
