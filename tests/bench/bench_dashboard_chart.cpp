// Benchmark: the Analytics view's chart side. (1) The chart update of one panel —
// AnalyticsChart::setResult (point lists handed to its AnalyticsPlotItem) plus the
// chart's layout — for 10 series over 90 days at a 1,600 px plot (the bucket the chooser
// picks: 1h, 2,160 points per series, mean line on a min/max band), and the same with the
// previous-period overlay; then painted (a grab of the view). The shown view also repaints on
// the posted events delivered before "layout" is timed. Target: replace + layout
// <= 30 ms. (2) With --db CONNINFO (a database loaded by 'seed demo'), for the 7 and the 90
// days ending at the newest persona_analytics row: per panel, the query (MetricsQuery::run on
// a connection) and the chart update with and without the previous-period overlay on the real
// series; then the range change to painted through the real view: an AnalyticsView on the
// database (its own worker session), shown offscreen, setRange() until every panel has its
// answer and the window is repainted — the whole dashboard, and the Persona panel maximised
// to a 1,600 px plot. Target (90 days, mean with the band): <= 500 ms. Medians of --runs runs.
//   bench_dashboard_chart [--db CONNINFO] [--runs R] [--zone ZONE]
#include "analytics/analyticschart.h"
#include "analytics/analyticspanel.h"
#include "analytics/analyticsview.h"
#include "analytics/metricsmeasure.h"
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "metrics/metricsbucket.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsquery.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGraphicsLayout>
#include <QPixmap>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>
#include <QToolButton>

#include <libpq-fe.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <map>

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
            p.setBucketStart(t.toTimeZone(zone));
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

// CPU time of this thread in ms: what the work cost, without the time the thread waited for a
// core (on a loaded machine the wall clock also counts other processes' time slices).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Timing
{
    double update = 0; // setResult + layout
    double painted = 0; // + a paint of the whole view
    double updateCpu = 0; // the same in thread CPU time
    double paintedCpu = 0;
};

Timing drawOnce(AnalyticsChart &chart, const MetricsRequest &request, const MetricsResult &result,
                MetricsMeasure::Value value = MetricsMeasure::Value::Aggregated)
{
    QElapsedTimer t;
    t.start();
    const double cpu = threadCpuMs();
    chart.setResult(request, result, value);
    // The chart lays out its items on posted layout requests: deliver them.
    QCoreApplication::sendPostedEvents();
    chart.chart()->layout()->activate();
    Timing timing;
    timing.update = double(t.nsecsElapsed()) / 1e6;
    timing.updateCpu = threadCpuMs() - cpu;
    const QPixmap pixmap = chart.grab();
    Q_UNUSED(pixmap);
    timing.painted = double(t.nsecsElapsed()) / 1e6;
    timing.paintedCpu = threadCpuMs() - cpu;
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
        QList<double> update, painted, updateCpu, paintedCpu;
        for (int i = 0; i < runs; ++i) {
            const Timing t = drawOnce(chart, request, result);
            update << t.update;
            painted << t.painted;
            updateCpu << t.updateCpu;
            paintedCpu << t.paintedCpu;
        }
        out << "chart update, 10 series x " << result.series.first().points.size()
            << " points (bucket " << result.bucket.label() << ")"
            << (previous ? " + previous period" : "")
            << (v.band ? " mean on min/max band" : " line only") << ": replace + layout "
            << ms(median(update)) << " (min "
            << ms(*std::min_element(update.cbegin(), update.cend())) << ", CPU "
            << ms(median(updateCpu)) << "), painted " << ms(median(painted)) << " (CPU "
            << ms(median(paintedCpu)) << ")"
            << (median(update) <= 30 ? "  (target <= 30 ms: ok)" : "  (target <= 30 ms: MISSED)")
            << "\n";
        out.flush();
    }
}

// The choices of the Persona and Capability panels as the view makes them (the first one).
void chooseMeasure(PgConnection &c, MetricsRequest &request)
{
    if (request.panel != MetricsPanel::Persona && request.panel != MetricsPanel::Capability)
        return;
    const MetricsCatalog::Choices choices = MetricsCatalog(c).choices(request.panel);
    if (!choices.ok() || choices.choices.isEmpty())
        qFatal("no measurements for %s", qPrintable(metricsPanelName(request.panel)));
    request.metricType = choices.choices.first().type;
    request.metricName = choices.choices.first().name;
}

MetricsMeasure::Value valueOf(MetricsPanel panel)
{
    const QList<MetricsMeasure> fixed = MetricsMeasure::fixed(panel);
    return fixed.isEmpty() ? MetricsMeasure::Value::Aggregated : fixed.first().value;
}

MetricsAggregation defaultAggregation(MetricsPanel panel)
{
    const QList<MetricsMeasure> fixed = MetricsMeasure::fixed(panel);
    return fixed.isEmpty() ? MetricsAggregation::Mean : fixed.first().defaultAggregation;
}

// Per panel: the query on a connection, and the chart update of its real series with and
// without the previous period.
void panelsOnConnection(PgConnection &c, const QDateTime &to, int days, int runs,
                        const QString &zone)
{
    AnalyticsChart chart;
    sizeForPlot(chart);
    for (MetricsPanel panel : {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
                               MetricsPanel::Interactions, MetricsPanel::Tokens}) {
        for (const bool previous : {false, true}) {
            MetricsRequest request;
            request.panel = panel;
            request.timeZone = zone;
            request.from = to.addDays(-days);
            request.to = to;
            request.widthPx = kPlotWidth;
            request.previousPeriod = previous;
            request.aggregation = defaultAggregation(panel);
            chooseMeasure(c, request);
            QList<double> query, update, painted, updateCpu;
            MetricsResult result;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer t;
                t.start();
                result = MetricsQuery(c).run(request);
                if (!result.ok())
                    qFatal("%s", qPrintable(result.error.toString()));
                query << double(t.nsecsElapsed()) / 1e6;
                const Timing timing = drawOnce(chart, request, result, valueOf(panel));
                update << timing.update;
                painted << timing.painted;
                updateCpu << timing.updateCpu;
            }
            qsizetype points = 0;
            for (const MetricsSeries &s : result.series)
                points += s.points.size();
            for (const MetricsSeries &s : result.previous)
                points += s.points.size();
            out << days << " days, " << metricsPanelName(panel) << " ("
                << metricsAggregationName(request.aggregation) << ", bucket "
                << result.bucket.label() << ", " << result.series.size() << " series, " << points
                << " points" << (previous ? ", + previous period" : "") << "): query "
                << ms(median(query)) << ", chart update " << ms(median(update)) << " (CPU "
                << ms(median(updateCpu)) << ")"
                << (median(update) <= 30 ? " (<= 30 ms: ok)" : " (<= 30 ms: MISSED)")
                << ", painted " << ms(median(painted)) << "\n";
            out.flush();
        }
    }
}

// A SessionSpec for a libpq conninfo string (keyword/value or URI): what libpq connects to
// with it, its defaults and the PG* environment variables included.
SessionSpec specFor(const QString &conninfo)
{
    PgConnection probe;
    if (!probe.open(conninfo, QStringLiteral("bench_dashboard_chart")))
        qFatal("cannot connect: %s", qPrintable(probe.connectionError()));
    PQconninfoOption *options = PQconninfo(probe.handle());
    if (!options)
        qFatal("no connection options");
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.sslMode = QStringLiteral("disable");
    QString password;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QByteArray key(o->keyword);
        const QString val = QString::fromUtf8(o->val);
        if (key == "host")
            profile.host = val;
        else if (key == "port")
            profile.port = val.toInt();
        else if (key == "dbname")
            profile.database = val;
        else if (key == "user")
            profile.user = val;
        else if (key == "password")
            password = val;
        else if (key == "sslmode")
            profile.sslMode = val;
    }
    PQconninfoFree(options);
    if (profile.user.isEmpty())
        profile.user = qEnvironmentVariable("USER");
    if (profile.database.isEmpty())
        profile.database = profile.user;
    return SessionSpec::from(profile, password, QStringLiteral("bench"));
}

// Shows the view on the database with its first answer in; maximised, the Persona panel
// maximised to a plot exactly kPlotWidth wide.
void openView(AnalyticsView &view, const QString &conninfo, const QString &zone, bool maximised)
{
    view.resize(maximised ? kPlotWidth + 140 : 1600, 1000);
    view.show();
    if (!view.setTimeZone(zone))
        qFatal("unknown zone %s", qPrintable(zone));
    {
        QSignalSpy ready(&view, &AnalyticsView::refreshFinished);
        view.setTarget(specFor(conninfo));
        if (!ready.wait(120000))
            qFatal("the view did not answer: %s", qPrintable(view.statusText()));
    }
    AnalyticsPanel *persona = view.panel(MetricsPanel::Persona);
    if (maximised) {
        QSignalSpy done(&view, &AnalyticsView::refreshFinished);
        persona->maximiseButton()->setChecked(true);
        if (!done.wait(120000))
            qFatal("the maximised panel did not answer");
        // Make the Persona request exactly kPlotWidth wide.
        const int extra = persona->lastRequest().widthPx - kPlotWidth;
        if (extra != 0) {
            QSignalSpy again(&view, &AnalyticsView::refreshFinished);
            view.resize(view.width() - extra, view.height());
            QCoreApplication::processEvents();
            view.refresh();
            if (!again.wait(120000))
                qFatal("the resized panel did not answer");
        }
    }
}

// Range change to painted through the real view: setRange() until every queried panel has
// drawn its answer (refreshFinished) and the window is repainted. Also when each panel's
// answer was drawn, and the part after the rows arrived (setResult + repaint of the panel)
// measured again on the same result.
void viewRangeChange(const QString &conninfo, const QDateTime &to, int runs, const QString &zone,
                     bool maximised)
{
    AnalyticsView view;
    openView(view, conninfo, zone, maximised);
    out << (maximised ? "view, Persona panel maximised" : "view, dashboard") << " (" << view.width()
        << " x " << view.height() << "):\n";
    QElapsedTimer clock;
    bool measuring = false;
    std::map<MetricsPanel, QList<double>> drawnAt;
    QObject::connect(&view, &AnalyticsView::jobStarted, &view, [&](Job *job) {
        QObject::connect(job, &Job::finished, &view, [&, job] {
            // After the view's own slot: the panel has drawn (setResult) the answer. The job is
            // named by the panel's title ("Analytics: Persona metrics").
            if (!measuring)
                return;
            for (AnalyticsPanel *p : view.findChildren<AnalyticsPanel *>())
                if (job->title().endsWith(AnalyticsPanel::titleOf(p->panel())))
                    drawnAt[p->panel()] << double(clock.nsecsElapsed()) / 1e6;
        });
    });
    for (const int days : {7, 90}) {
        drawnAt.clear();
        QList<double> total, totalCpu;
        std::map<MetricsPanel, QList<double>> after;
        for (int i = 0; i < 2 * runs; ++i) {
            // Another range in between, so every run is a change (and not a cache of the view).
            const int other = i % 2 ? days : days + 1;
            measuring = other == days;
            QSignalSpy done(&view, &AnalyticsView::refreshFinished);
            clock.start();
            const double cpu = threadCpuMs();
            view.setRange(to.addDays(-other), to);
            if (!done.wait(300000))
                qFatal("no answer for %d days", other);
            QCoreApplication::sendPostedEvents();
            view.repaint();
            const double t = double(clock.nsecsElapsed()) / 1e6;
            if (other != days)
                continue;
            total << t;
            totalCpu << threadCpuMs() - cpu;
            for (AnalyticsPanel *p : view.findChildren<AnalyticsPanel *>()) {
                if (!p->isVisible() || !p->hasResult())
                    continue;
                QElapsedTimer a;
                a.start();
                p->setResult(p->lastRequest(), p->lastResult());
                p->repaint();
                after[p->panel()] << double(a.nsecsElapsed()) / 1e6;
            }
        }
        for (const auto &[panel, times] : after) {
            const AnalyticsPanel *p = view.panel(panel);
            qsizetype points = 0;
            for (const MetricsSeries &s : p->lastResult().series)
                points += s.points.size();
            out << "  " << days << " days, " << metricsPanelName(panel) << " ("
                << metricsAggregationName(p->lastRequest().aggregation) << ", "
                << p->lastRequest().widthPx << " px, bucket " << p->lastResult().bucket.label()
                << ", " << points << " points): answer drawn after " << ms(median(drawnAt[panel]))
                << ", of which after the rows arrived (setResult "
                << "+ legend + paint) " << ms(median(times)) << "\n";
        }
        out << "  " << days << " days, range change to painted, "
            << (maximised ? "Persona" : "all panels") << ": " << ms(median(total))
            << " (GUI thread CPU " << ms(median(totalCpu)) << ")"
            << (days == 90 ? (median(total) <= 500 ? "  (target <= 500 ms: ok)"
                                                   : "  (target <= 500 ms: MISSED)")
                           : "")
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
    const QTimeZone tz(zone.toUtf8());
    // Whole minutes after the newest row, as the view's presets are.
    QDateTime to = QDateTime::fromMSecsSinceEpoch(last.value(0, 0).toLongLong(), tz).addSecs(60);
    to.setTime(QTime(to.time().hour(), to.time().minute()));
    for (const int days : {7, 90})
        panelsOnConnection(c, to, days, runs, zone);
    viewRangeChange(conninfo, to, runs, zone, false);
    viewRangeChange(conninfo, to, runs, zone, true);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the view's zone setting stays out of ~/.config
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
