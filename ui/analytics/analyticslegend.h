#pragma once

#include "metrics/metricsaggregation.h"
#include "metrics/metricsseries.h"
#include "metricsmeasure.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QLabel;
class QTableWidget;
class QWidget;

namespace uaip {

class AnalyticsChart;

// A panel's legend under the chart: a caption saying what the statistics are of and a table
// with a row per series (its colour, a check box to leave it out of the chart, min / max /
// mean / last). Holds the series the user checked or unchecked; the panel lays the caption and
// the table out and applies the checks to the chart.
class AnalyticsLegend : public QObject
{
    Q_OBJECT
public:
    // What the statistics columns are of: the raw rows in the range (an aggregated measurement:
    // the result's statistics of its series), or else the drawn buckets (value of the points
    // under aggregation; bucket: the bucket label's text).
    struct Statistics
    {
        bool raw = false;
        MetricsMeasure::Value value = MetricsMeasure::Value::Aggregated;
        MetricsAggregation aggregation = MetricsAggregation::Mean;
        QString bucket;
    };

    // The caption and the table are children of panel, the colours those of chart.
    AnalyticsLegend(const AnalyticsChart *chart, QWidget *panel);

    QLabel *caption() const { return m_caption; }
    QTableWidget *table() const { return m_table; }
    // The column titles: the series and its four statistics.
    static QStringList columns();
    // The caption's text.
    static QString header(const Statistics &statistics);
    // The four statistics of a series as shown (empty where there is none).
    static QStringList cells(const MetricsSeries &series, const Statistics &statistics);

    // Per series: left out of the chart. Unless the user checked it, a series that is not one
    // of the drawnByDefault largest (by volume) is left out.
    QList<bool> hiddenSeries(const QList<MetricsSeries> &series, qsizetype drawnByDefault) const;
    // Forgets what the user checked (another measurement has other series).
    void forgetChecks();
    void setSeriesShown(int series, bool shown);
    void fill(const QList<MetricsSeries> &series, const QList<bool> &hidden,
              const Statistics &statistics);
    void clearRows();

signals:
    // The user checked or unchecked a series: hiddenSeries() changed.
    void checksChanged();

private:
    const AnalyticsChart *m_chart;
    QWidget *m_panel;
    QLabel *m_caption;
    QTableWidget *m_table;
    bool m_filling = false;
    QHash<QString, bool> m_userShown; // series key -> drawn, as the user checked it
};

} // namespace uaip
