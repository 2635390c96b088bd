#pragma once

#include "analyticslegend.h"
#include "analyticspanelexport.h"
#include "analyticspngexport.h"
#include "analyticsseriesmenu.h"
#include "browse/columnfilter.h"
#include "metrics/metricsrequest.h"
#include "metrics/metricsresult.h"
#include "metrics/metricsseries.h"
#include "metricsmeasure.h"

#include <QFrame>
#include <QList>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace uaip {

class AnalyticsChart;

// One panel of the Analytics dashboard: a measurement, an aggregation, the series shown (top N
// by volume unless chosen), the previous-period overlay, the chart with its legend table
// (min / max / mean / last of the raw rows in the range; series by name, in colours that stay
// with them, the largest kDrawnSeries series drawn, the others to check: AnalyticsLegend), the
// bucket size, and Show SQL / Export PNG / Export CSV (AnalyticsPanelExport) / maximise. It builds
// requests and draws results; the view runs the queries. The series menu is an
// AnalyticsSeriesMenu, the rows behind a point AnalyticsRowFilters.
class AnalyticsPanel : public QFrame
{
    Q_OBJECT
public:
    explicit AnalyticsPanel(MetricsPanel panel, QWidget *parent = nullptr);

    MetricsPanel panel() const { return m_panel; }
    QString title() const;
    // A panel's title in the user's language ("Token consumption"), also the name of its jobs.
    static QString titleOf(MetricsPanel panel);
    // Persona / Capability: the measurements that exist (MetricsCatalog::choices()).
    void setMeasures(const QList<MetricsMeasure> &measures);
    bool hasMeasure() const;
    const MetricsMeasure &measure() const;

    // The request for [from, to) in zone at the chart's current plot width.
    MetricsRequest request(const QDateTime &from, const QDateTime &to, const QString &zone) const;
    void setRunning(const QString &text);
    void setResult(const MetricsRequest &request, const MetricsResult &result);
    void setMessage(const QString &text);
    // For the series multi-select: every series of the range, by volume.
    void setSeriesList(const QList<MetricsSeries> &series);
    void setChosenIds(const QStringList &ids);
    QStringList chosenIds() const { return m_seriesMenu->ids(); }

    bool hasResult() const { return m_hasResult; }
    const MetricsRequest &lastRequest() const { return m_request; }
    const MetricsResult &lastResult() const { return m_result; }
    // Renders the chart itself at size (not a grab of the panel) with the title, the range and
    // the whole legend, and writes it as PNG.
    Status exportPng(const QString &path, const QSize &size)
    {
        return m_export->exportPng(path, size);
    }
    // What the PNG shows besides the chart: title, range, legend header and every row.
    AnalyticsPngExport::Content pngContent() const { return m_export->pngContent(); }
    Status exportCsv(const QString &path) const { return m_export->exportCsv(path); }
    QString sqlText() const { return m_export->sqlText(); }
    // The Entities view's filters for the rows behind point p of series s of the last result.
    QList<ColumnFilter> filtersFor(int series, int point) const;

    AnalyticsChart *chart() const { return m_chart; }
    QComboBox *measureBox() const { return m_measureBox; }
    QComboBox *aggregationBox() const { return m_aggregationBox; }
    QCheckBox *previousBox() const { return m_previousBox; }
    QTableWidget *legend() const { return m_legend->table(); }
    QLabel *bucketLabel() const { return m_bucketLabel; }
    QLabel *messageLabel() const { return m_message; }
    QToolButton *maximiseButton() const { return m_maximise; }
    QLabel *legendCaption() const { return m_legend->caption(); }
    // Series drawn by default (the largest); the others are listed in the legend, unchecked.
    static constexpr int kDrawnSeries = 6;
    // Per series of the last result: left out of the chart (legend check box).
    QList<bool> hiddenSeries() const;
    void setSeriesShown(int series, bool shown);
    bool showsChart() const;
    // What the legend's statistics are of (raw rows or buckets, the aggregation, the bucket).
    AnalyticsLegend::Statistics legendStatistics() const;
    // A time between rows as the bucket tool tip says it ("about 1.0 d", "about 6.0 h").
    static QString interval(double seconds);

signals:
    void changed(); // the request changed: query again
    void maximiseToggled(bool maximised);
    void seriesListRequested();
    void zoomRequested(const QDateTime &from, const QDateTime &to);
    void rowsRequested(const QString &schema, const QString &table,
                       const QList<uaip::ColumnFilter> &filters);
    // The plot's width changed (also its first layout after a query made while hidden): the
    // request's widthPx may be another now.
    void plotWidthChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Title, bucket and buttons over the measurement controls, the chart (or a message) and
    // the legend.
    void layOut(QToolButton *more);
    void onMeasureChanged();
    // The last result's series in the legend's order: by label, then key.
    void sortSeries();
    void applyHidden();
    void onPointClicked(int series, int point);

    MetricsPanel m_panel;
    QList<MetricsMeasure> m_measures;
    MetricsRequest m_request;
    MetricsResult m_result;
    bool m_hasResult = false;

    QLabel *m_title;
    QComboBox *m_measureBox;
    QComboBox *m_aggregationBox;
    QToolButton *m_seriesButton;
    AnalyticsSeriesMenu *m_seriesMenu;
    QCheckBox *m_previousBox;
    QLabel *m_bucketLabel;
    QToolButton *m_maximise;
    QStackedWidget *m_stack;
    QLabel *m_message;
    AnalyticsChart *m_chart;
    AnalyticsLegend *m_legend;
    AnalyticsPanelExport *m_export; // the "More" menu: Show SQL, Export PNG, Export CSV
};

} // namespace uaip
