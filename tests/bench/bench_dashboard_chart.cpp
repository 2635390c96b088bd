// Benchmark: the Analytics view's chart side. (1) The chart update of one panel —
// AnalyticsChart::setResult (point lists handed to its AnalyticsPlotItem) plus the
// chart's layout — for 10 series over 90 days at a 1,600 px plot (the bucket the chooser
// picks: 1h, 2,160 points per series, mean line on a min/max band), and the same with the
// previous-period overlay; then painted (a grab of the view). The shown view also repaints on
// the posted events delivered before "layout" is timed. Target: replace + layout
// <= 30 ms. (2) With --db CONNINFO (a database loaded by 'seed demo'): range change to
// painted for the 90 days ending at the newest persona_analytics row, per panel, with the
// default aggregation (mean with the band): MetricsQuery::run on a connection plus the chart
// update and paint, as the view does it. Target: <= 500 ms. Prints medians of --runs runs.
//   bench_dashboard_chart [--db CONNINFO] [--runs R] [--zone ZONE]
#include "analytics/analyticschart.h"
#include "analytics/metricsmeasure.h"
#include "db/pgconnection.h"
#include "metrics/metricsbucket.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsquery.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGraphicsLayout>
#include <QPixmap>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace uaip;

namespace {

QTextStream out(stdout);
constexpr int kPlotWidth = 1600;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

QString ms(double v)
{
    return QString::number(v, 'f', 1) + QStringLiteral(" ms");
}

// A chart whose plot area is kPlotWidth pixels wide.
void sizeForPlot(AnalyticsChart &chart)
{
    chart.resize(kPlotWidth + 120, 420);
    chart.show();
    QCoreApplication::processEvents();
    const int extra = chart.width() - int(chart.chart()->plotArea().width());
    chart.resize(kPlotWidth + extra, 420);
    QCoreApplication::processEvents();
}

// Synthetic series like the demo data: a wave with noise and a spike now and then.
MetricsResult synthetic(const MetricsRequest &request, int seriesCount, bool previous)
{
    MetricsResult r;
    r.bucket = MetricsBucketChooser::choose(request.from, request.to, request.widthPx);
    const qint64 step = r.bucket.nominalSeconds();
    const QTimeZone zone(request.timeZone.toUtf8());
    auto make = [&](int i, const QDateTime &from, const QDateTime &to) {
        MetricsSeries s;
        s.key = QStringLiteral("series-%1").arg(i);
        s.label = s.key;
        for (QDateTime t = from; t < to; t = t.addSecs(step)) {
            const double x = double(t.toSecsSinceEpoch()) / 3600.0;
            MetricsPoint p;
            p.bucketStart = t.toTimeZone(zone);
            p.count = 60;
            p.mean = 50 + 10 * i + 8 * std::sin(x / 12 + i);
            p.sum = p.mean;
            p.min = *p.mean - 5 - (int(x) % 7);
            p.max = *p.mean + 5 + ((int(x) + i) % 97 == 0 ? 200 : int(x) % 5);
            s.points.append(p);
        }
        return s;
    };
    const qint64 span = request.from.secsTo(request.to);
    for (int i = 0; i < seriesCount; ++i) {
        r.series.append(make(i, request.from, request.to));
        if (previous)
            r.previous.append(make(i, request.from.addSecs(-span), request.from));
    }
    r.previousOffsetMs = previous ? span * 1000 : 0;
    return r;
}

struct Timing
{
    double update = 0; // setResult + layout
    double painted = 0; // + a paint of the whole view
};

Timing drawOnce(AnalyticsChart &chart, const MetricsRequest &request, const MetricsResult &result)
{
    QElapsedTimer t;
    t.start();
    chart.setResult(request, result, MetricsMeasure::Value::Aggregated);
    // The chart lays out its items on posted layout requests: deliver them.
    QCoreApplication::sendPostedEvents();
    chart.chart()->layout()->activate();
    Timing timing;
    timing.update = double(t.nsecsElapsed()) / 1e6;
    const QPixmap pixmap = chart.grab();
    Q_UNUSED(pixmap);
    timing.painted = double(t.nsecsElapsed()) / 1e6;
    return timing;
}

void chartUpdate(int runs, const QString &zone)
{
    AnalyticsChart chart;
    sizeForPlot(chart);
    out << "plot width: " << int(chart.chart()->plotArea().width()) << " px\n";
    struct Variant
    {
        bool previous;
        bool band;
    };
    for (const Variant v : {Variant{false, true}, Variant{true, true}, Variant{false, false}}) {
        const bool previous = v.previous;
        MetricsRequest request;
        // Sum is drawn without a band (the synthetic sum equals the mean): the line alone.
        request.aggregation = v.band ? MetricsAggregation::Mean : MetricsAggregation::Sum;
        request.timeZone = zone;
        request.to = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone(zone.toUtf8()));
        request.from = request.to.addDays(-90);
        request.widthPx = kPlotWidth;
        request.previousPeriod = previous;
        const MetricsResult result = synthetic(request, 10, previous);
        QList<double> update, painted;
        for (int i = 0; i < runs; ++i) {
            const Timing t = drawOnce(chart, request, result);
            update << t.update;
            painted << t.painted;
        }
        out << "chart update, 10 series x " << result.series.first().points.size()
            << " points (bucket " << result.bucket.label() << ")"
            << (previous ? " + previous period" : "")
            << (v.band ? " mean on min/max band" : " line only") << ": replace + layout "
            << ms(median(update)) << ", painted " << ms(median(painted))
            << (median(update) <= 30 ? "  (target <= 30 ms: ok)" : "  (target <= 30 ms: MISSED)")
            << "\n";
        out.flush();
    }
}

void rangeChange(const QString &conninfo, int runs, const QString &zone)
{
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("bench_dashboard_chart")))
        qFatal("%s", qPrintable(c.connectionError()));
    const PgResult last = c.exec("SELECT (extract(epoch FROM max(recorded_at)) * 1000)::bigint "
                                 "FROM persona_analytics");
    if (!last.ok() || last.rows() != 1 || last.isNull(0, 0))
        qFatal("no persona_analytics rows");
    const PgResult count = c.exec("SELECT count(*) FROM persona_analytics");
    out << "persona_analytics rows: " << count.value(0, 0) << "\n";
    AnalyticsChart chart;
    sizeForPlot(chart);
    const QTimeZone tz(zone.toUtf8());
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(last.value(0, 0).toLongLong() + 1, tz);
    double total = 0;
    for (MetricsPanel panel : {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
                               MetricsPanel::Interactions, MetricsPanel::Tokens}) {
        MetricsRequest request;
        request.panel = panel;
        request.timeZone = zone;
        request.from = to.addDays(-90);
        request.to = to;
        request.widthPx = kPlotWidth;
        if (panel == MetricsPanel::Persona || panel == MetricsPanel::Capability) {
            const MetricsCatalog::Choices choices = MetricsCatalog(c).choices(panel);
            if (!choices.ok() || choices.choices.isEmpty())
                qFatal("no measurements for %s", qPrintable(metricsPanelName(panel)));
            request.metricType = choices.choices.first().type;
            request.metricName = choices.choices.first().name;
        }
        if (panel == MetricsPanel::Tokens)
            request.aggregation = MetricsAggregation::Sum;
        QList<double> query, painted;
        int points = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const MetricsResult result = MetricsQuery(c).run(request);
            if (!result.ok())
                qFatal("%s", qPrintable(result.message));
            query << double(t.nsecsElapsed()) / 1e6;
            drawOnce(chart, request, result);
            painted << double(t.nsecsElapsed()) / 1e6;
            points = 0;
            for (const MetricsSeries &s : result.series)
                points += int(s.points.size());
        }
        total += median(painted);
        out << "range change 90 days, " << metricsPanelName(panel) << " ("
            << metricsAggregationName(request.aggregation) << ", " << points << " points): query "
            << ms(median(query)) << ", to painted " << ms(median(painted))
            << (median(painted) <= 500 ? "  (target <= 500 ms: ok)"
                                       : "  (target <= 500 ms: MISSED)")
            << "\n";
        out.flush();
    }
    out << "range change 90 days, all five panels one after another (one worker): " << ms(total)
        << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("A database loaded by 'seed demo'."),
         QStringLiteral("conninfo")},
        {QStringLiteral("runs"), QStringLiteral("Runs per measurement (median)."),
         QStringLiteral("R"), QStringLiteral("9")},
        {QStringLiteral("zone"), QStringLiteral("Time zone."), QStringLiteral("zone"),
         QStringLiteral("Europe/Berlin")},
    });
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString zone = parser.value(QStringLiteral("zone"));
    chartUpdate(runs, zone);
    if (parser.isSet(QStringLiteral("db")))
        rangeChange(parser.value(QStringLiteral("db")), runs, zone);
    return 0;
}
