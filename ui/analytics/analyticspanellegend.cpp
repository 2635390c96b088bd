// AnalyticsPanel's legend (the statistics of the raw rows, the series drawn or not) and its
// PNG export; the rest of the panel is in analyticspanel.cpp.
#include "analyticschart.h"
#include "analyticspanel.h"
#include "compactnumber.h"
#include "widgets/localeformat.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimeZone>

#include <algorithm>

namespace uaip {

namespace {

constexpr int kStatColumns = 4;

QString number(const std::optional<double> &v)
{
    return v ? CompactNumber::format(*v) : QString();
}

} // namespace

QList<bool> AnalyticsPanel::hiddenSeries() const
{
    QList<bool> hidden;
    for (int i = 0; i < m_result.series.size(); ++i)
        // series the user chose in the Series menu are all drawn
        hidden.append(
            !m_userShown.value(m_result.series.at(i).key, !m_ids.isEmpty() || i < kDrawnSeries));
    return hidden;
}

void AnalyticsPanel::applyHidden()
{
    m_chart->setHiddenSeries(hiddenSeries());
}

void AnalyticsPanel::setSeriesShown(int series, bool shown)
{
    if (series < 0 || series >= m_legend->rowCount())
        return;
    m_legend->item(series, 0)->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
}

bool AnalyticsPanel::rawStatistics() const
{
    return hasMeasure() && measure().value == MetricsMeasure::Value::Aggregated;
}

QStringList AnalyticsPanel::legendCells(int series) const
{
    const MetricsSeries &s = m_result.series.at(series);
    if (rawStatistics()) {
        const MetricsSeriesStats &st = s.stats;
        return {number(st.min), number(st.max), number(st.mean), number(st.last)};
    }
    // Calls and rates exist per bucket only: the statistics of the drawn buckets.
    QList<double> values;
    for (const MetricsPoint &p : s.points)
        if (const auto v = MetricsMeasure::drawn(p, measure().value, m_request.aggregation))
            values.append(*v);
    if (values.isEmpty())
        return {QString(), QString(), QString(), QString()};
    double sum = 0;
    for (double v : values)
        sum += v;
    return {number(*std::min_element(values.cbegin(), values.cend())),
            number(*std::max_element(values.cbegin(), values.cend())),
            number(sum / double(values.size())), number(values.last())};
}

QString AnalyticsPanel::legendHeader() const
{
    return rawStatistics()
        ? tr("Min, Max, Mean and Last of the raw rows in the range (not of the buckets: the "
             "same for every width, zoom and bucket size)")
        : tr("Min, Max, Mean and Last of the drawn buckets (%1 per bucket)")
              .arg(m_bucketLabel->text());
}

void AnalyticsPanel::fillLegend()
{
    m_filling = true;
    m_legendCaption->setText(legendHeader());
    for (int c = 1; c <= kStatColumns; ++c)
        m_legend->horizontalHeaderItem(c)->setToolTip(m_legendCaption->text());
    m_legend->setRowCount(int(m_result.series.size()));
    const QList<bool> hidden = hiddenSeries();
    for (int i = 0; i < m_result.series.size(); ++i) {
        const MetricsSeries &s = m_result.series.at(i);
        auto *name = new QTableWidgetItem(s.label);
        name->setToolTip(tr("%1\nUncheck to leave it out of the chart").arg(s.key));
        name->setData(Qt::UserRole, s.key);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(hidden.at(i) ? Qt::Unchecked : Qt::Checked);
        QPixmap swatch(fontMetrics().height() / 2 + 4, fontMetrics().height() / 2 + 4);
        swatch.fill(m_chart->colorOf(i));
        name->setIcon(QIcon(swatch));
        m_legend->setItem(i, 0, name);
        const QStringList cells = legendCells(i);
        for (int c = 0; c < kStatColumns; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_legend->setItem(i, c + 1, item);
        }
    }
    m_filling = false;
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
    content.legendHeader = legendHeader();
    content.columns = {tr("Series"), tr("Min"), tr("Max"), tr("Mean"), tr("Last")};
    const QList<bool> hidden = hiddenSeries();
    for (int i = 0; i < m_result.series.size(); ++i) {
        AnalyticsPngExport::Row row;
        row.color = m_chart->colorOf(i);
        row.label = hidden.at(i) ? tr("%1 (not drawn)").arg(m_result.series.at(i).label)
                                 : m_result.series.at(i).label;
        row.cells = legendCells(i);
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

} // namespace uaip
