// The Analytics view (ui/analytics) against the real sandbox: a range change draws exactly
// the server's series (checked with MetricsQuery on a second connection), bad ranges are
// refused with a message, Cancel and a range change cancel the running query (held on a
// table lock), drag to zoom re-queries at a finer bucket and Back returns, the previous-
// period overlay is drawn dashed in the series' colour, a click on a point asks the Entities
// view for exactly the rows behind it, Export writes a PNG and the CSV of the drawn series,
// missing buckets and NULL values cut the line and the band (a lone point is a marker), and
// the time zone picker re-queries with buckets at the new zone's local midnight.
#include "analytics/analyticschart.h"
#include "analytics/analyticspanel.h"
#include "analytics/analyticsplotitem.h"
#include "analytics/analyticsview.h"
#include "analytics/timezonebox.h"
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "metrics/metricsquery.h"
#include "metricsdatabase.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;

Q_DECLARE_METATYPE(QList<uaip::ColumnFilter>)

namespace {

// Controlled rows from 2026-03-02 to 03-09 (UTC) for three personas and two tools, every 10
// minutes, a spike every 40th row; the other metric tables are empty.
const char *const kFixture = R"SQL(
DELETE FROM persona_analytics;
DELETE FROM agent_capability_metrics;
DELETE FROM tool_usage_records;
DELETE FROM ai_interactions;
DELETE FROM token_consumption;
CREATE TEMP TABLE ticks AS
SELECT t, row_number() OVER (ORDER BY t) AS n
FROM generate_series('2026-03-02 00:00+00'::timestamptz, '2026-03-08 23:59+00', '10 minutes') t;
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'performance', 'test_metric',
       (k.n % 37) + p.i * 20 + CASE WHEN k.n % 40 = 0 THEN 300 ELSE 0 END,
       k.t + p.i * interval '1 minute'
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 3) p;
INSERT INTO tool_usage_records (tool_id, success, execution_time_ms, recorded_at)
SELECT d.id, k.n % 7 <> 0, (k.n * 37) % 1000, k.t
FROM ticks k
CROSS JOIN (SELECT id FROM tool_definitions ORDER BY id LIMIT 2) d;
)SQL";

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

class Fixture : public MetricsDatabase
{
public:
    Fixture()
        : MetricsDatabase(QStringLiteral("tst_analyticsview"), kFixture)
    { }
    SessionSpec spec() const { return SessionSpec::from(db.profile(), QString(), "test"); }
};

// Runs fn and waits until the view has answered every panel.
bool refreshed(AnalyticsView &view, const std::function<void()> &fn)
{
    QSignalSpy spy(&view, &AnalyticsView::refreshFinished);
    fn();
    return spy.wait(60000) || spy.count() > 0;
}

// The drawn lines of a panel equal the server's series for the same request.
void compareWithServer(PgConnection &witness, AnalyticsPanel *panel)
{
    QVERIFY(panel->hasResult());
    const MetricsResult server = MetricsQuery(witness).run(panel->lastRequest());
    QVERIFY2(server.ok(), qPrintable(server.message));
    const auto &lines = panel->chart()->drawnLines();
    QCOMPARE(lines.size(), server.series.size());
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(panel->lastResult().series.at(i).key, server.series.at(i).key);
        const QList<MetricsPoint> &points = server.series.at(i).points;
        QCOMPARE(lines.at(i).size(), points.size());
        for (int j = 0; j < points.size(); ++j) {
            QCOMPARE(qint64(lines.at(i).at(j).x()), points.at(j).bucketStart.toMSecsSinceEpoch());
            const auto v = MetricsMeasure::drawn(points.at(j), panel->measure().value,
                                                 panel->lastRequest().aggregation);
            QVERIFY(v.has_value());
            QCOMPARE(lines.at(i).at(j).y(), *v);
        }
    }
    QCOMPARE(panel->legend()->rowCount(), int(lines.size()));
    QCOMPARE(panel->bucketLabel()->text(), QStringLiteral("bucket ") + server.bucket.label());
}

QPoint onViewport(AnalyticsChart *chart, const QPointF &value)
{
    const QPointF item = chart->positionOf(value);
    return chart->mapFromScene(chart->chart()->mapToScene(item));
}

void sendMouse(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Counts the rows the filters select, each value bound.
qint64 rowsBehind(PgConnection &witness, const QString &table, const QList<ColumnFilter> &filters)
{
    QStringList where;
    QVariantList params;
    for (const ColumnFilter &f : filters) {
        const QString col = QLatin1Char('"') + f.column + QLatin1Char('"');
        const QString param = QStringLiteral("$%1").arg(params.size() + 1);
        switch (f.op) {
        case ColumnFilter::Op::Equal:
            where << QStringLiteral("%1::text = %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::Greater:
            where << QStringLiteral("%1 > %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::Less:
            where << QStringLiteral("%1 < %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::IsNull:
            where << QStringLiteral("%1 IS NULL").arg(col);
            break;
        default:
            qFatal("unexpected filter");
        }
    }
    const PgResult r = witness.exec(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE %2")
                                        .arg(table, where.join(" AND "))
                                        .toUtf8(),
                                    params);
    return r.ok() ? r.value(0, 0).toLongLong() : -1;
}

// A minimal CSV reader (quoted fields with doubled quotes).
QList<QStringList> parseCsv(const QByteArray &data)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    const QString text = QString::fromUtf8(data);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestAnalyticsView : public QObject
{
    Q_OBJECT

    const QDateTime m_from = at("2026-03-02T00:00:00Z");
    const QDateTime m_to = at("2026-03-09T00:00:00Z");

    // A shown view on the fixture, drawn for the fixture's week.
    std::unique_ptr<AnalyticsView> openView(Fixture &f)
    {
        auto view = std::make_unique<AnalyticsView>();
        view->resize(1400, 1200);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return nullptr;
        if (!refreshed(*view, [&] { view->setTarget(f.spec()); }))
            return nullptr;
        if (!refreshed(*view, [&] { view->setRange(m_from, m_to); }))
            return nullptr;
        return view;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<QList<ColumnFilter>>();
        qRegisterMetaType<uaip::Job *>();
        QStandardPaths::setTestModeEnabled(true); // the zone setting stays out of ~/.config
        QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
        QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-analytics-test"));
    }

    void init() { QSettings().remove(QStringLiteral("analytics/timeZone")); }

    void rangeChangeDrawsTheServerSeries()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QVERIFY(persona->showsChart());
        QCOMPARE(persona->measure().name, QStringLiteral("test_metric"));
        compareWithServer(f.db.witness(), persona);
        QCOMPARE(persona->chart()->drawnLines().size(), 3);
        // Show SQL: the series statement as sent, with its bound parameters.
        QVERIFY(
            persona->sqlText().contains(QString::fromUtf8(persona->lastResult().statement.sql)));
        QVERIFY(persona->sqlText().contains(QStringLiteral("test_metric")));
        // Tools: p95 of the execution time by default.
        QCOMPARE(view->panel(MetricsPanel::Tools)->lastRequest().aggregation,
                 MetricsAggregation::P95);
        compareWithServer(f.db.witness(), view->panel(MetricsPanel::Tools));
        // No rows: a message, not an empty frame.
        for (MetricsPanel empty : {MetricsPanel::Interactions, MetricsPanel::Tokens}) {
            QVERIFY(!view->panel(empty)->showsChart());
            QCOMPARE(view->panel(empty)->messageLabel()->text(),
                     QStringLiteral("No data in this range."));
        }
        const QString weekBucket = persona->bucketLabel()->text();

        // One day: a finer bucket, again exactly the server's series.
        QVERIFY(refreshed(*view, [&] { view->setRange(m_from.addDays(2), m_from.addDays(3)); }));
        QVERIFY(persona->bucketLabel()->text() != weekBucket);
        QVERIFY(MetricsQuery::bucketFor(persona->lastRequest()).nominalSeconds()
                < MetricsQuery::bucketFor([&] {
                      MetricsRequest r = persona->lastRequest();
                      r.from = m_from;
                      r.to = m_to;
                      return r;
                  }())
                      .nominalSeconds());
        compareWithServer(f.db.witness(), persona);

        // A range with nothing in it.
        QVERIFY(refreshed(*view, [&] {
            view->setRange(at("2020-01-01T00:00:00Z"), at("2020-01-02T00:00:00Z"));
        }));
        QVERIFY(!persona->showsChart());
        QCOMPARE(persona->messageLabel()->text(), QStringLiteral("No data in this range."));

        // From after To: refused with a message naming both, nothing queried, range kept.
        QSignalSpy jobs(view.get(), &AnalyticsView::jobStarted);
        const QDateTime from = view->from(), to = view->to();
        view->fromEdit()->setDateTime(m_to);
        view->toEdit()->setDateTime(m_from);
        QTest::mouseClick(view->applyButton(), Qt::LeftButton);
        QVERIFY2(view->statusText().contains(QStringLiteral("must be before")),
                 qPrintable(view->statusText()));
        QCOMPARE(view->from(), from);
        QCOMPARE(view->to(), to);
        QCOMPARE(jobs.count(), 0);
        QVERIFY(!view->setRange(m_from, m_from));
        QCOMPARE(jobs.count(), 0);
    }

    void cancelAndRangeChangeStopTheRunningQuery()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        // Hold the persona table so its query waits on the server.
        PgConnection locker;
        QVERIFY(locker.open(f.db.conninfo(), QStringLiteral("locker")));
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec("LOCK TABLE persona_analytics IN ACCESS EXCLUSIVE MODE").ok());
        QSignalSpy jobs(view.get(), &AnalyticsView::jobStarted);
        view->setRange(m_from.addDays(1), m_to);
        QVERIFY(view->isBusy());
        QVERIFY(view->cancelButton()->isEnabled());
        QPointer<Job> first;
        for (const QList<QVariant> &args : jobs)
            if (args.at(0).value<Job *>()->title().endsWith(QStringLiteral("persona")))
                first = args.at(0).value<Job *>();
        QVERIFY(first);
        const QByteArray waiting = "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                   "AND wait_event_type = 'Lock'";
        QTRY_COMPARE_WITH_TIMEOUT(f.db.scalar(waiting, {view->backendPid()}), QStringLiteral("1"),
                                  20000);

        // A new range cancels the running query at once.
        jobs.clear();
        view->setRange(m_from, m_to);
        QVERIFY(first.isNull() || first->isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 20000); // finished (and deleted)
        QTRY_COMPARE_WITH_TIMEOUT(f.db.scalar(waiting, {view->backendPid()}), QStringLiteral("1"),
                                  20000); // the new one waits now

        // Cancel: the panel says so, the view is idle again.
        QSignalSpy done(view.get(), &AnalyticsView::refreshFinished);
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
        QCOMPARE(view->panel(MetricsPanel::Persona)->messageLabel()->text(),
                 QStringLiteral("Cancelled."));
        QVERIFY(!view->cancelButton()->isEnabled());
        QCOMPARE(f.db.scalar(waiting, {view->backendPid()}), QStringLiteral("0"));
        QVERIFY(locker.exec("ROLLBACK").ok());

        // And the next range works on the same session.
        QVERIFY(refreshed(*view, [&] { view->setRange(m_from, m_to); }));
        compareWithServer(f.db.witness(), view->panel(MetricsPanel::Persona));
    }

    void dragZoomsAndBackReturns()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        AnalyticsChart *chart = persona->chart();
        const MetricsBucket before = persona->lastResult().bucket;
        const int widthBefore = persona->lastRequest().widthPx;
        const QRectF plot = chart->chart()->plotArea();
        const QPoint a = chart->mapFromScene(chart->chart()->mapToScene(
            QPointF(plot.left() + plot.width() * 0.25, plot.center().y())));
        const QPoint b = chart->mapFromScene(chart->chart()->mapToScene(
            QPointF(plot.left() + plot.width() * 0.75, plot.center().y())));
        QVERIFY(refreshed(*view, [&] {
            sendMouse(chart->viewport(), QEvent::MouseButtonPress, a, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseMove, (a + b) / 2, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseMove, b, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseButtonRelease, b, Qt::NoButton);
        }));
        const qint64 span = m_from.msecsTo(m_to);
        const qint64 pixel = qint64(span / plot.width()) + 1;
        QVERIFY2(std::llabs(m_from.msecsTo(view->from()) - span / 4) <= 2 * pixel,
                 qPrintable(view->from().toString(Qt::ISODate)));
        QVERIFY2(std::llabs(m_from.msecsTo(view->to()) - span * 3 / 4) <= 2 * pixel,
                 qPrintable(view->to().toString(Qt::ISODate)));
        QVERIFY(persona->lastResult().bucket.nominalSeconds() < before.nominalSeconds());
        QCOMPARE(persona->lastRequest().from, view->from());
        compareWithServer(f.db.witness(), persona);
        QVERIFY(view->backButton()->isEnabled());

        QVERIFY(refreshed(*view, [&] { QTest::mouseClick(view->backButton(), Qt::LeftButton); }));
        QCOMPARE(view->from(), m_from);
        QCOMPARE(view->to(), m_to);
        QVERIFY2(persona->lastResult().bucket == before,
                 qPrintable(QStringLiteral("%1 at %2 px, was %3 at %4 px")
                                .arg(persona->lastResult().bucket.label())
                                .arg(persona->lastRequest().widthPx)
                                .arg(before.label())
                                .arg(widthBefore)));
        // One step more: the range before the fixture's week (openView's first), then no more.
        QVERIFY(refreshed(*view, [&] { QVERIFY(view->back()); }));
        QVERIFY(view->from() != m_from);
        QVERIFY(!view->backButton()->isEnabled());
        QVERIFY(!view->back());
    }

    void previousPeriodOverlayIsDashedInTheSeriesColour()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        // The second half of the week; the previous period is the first half.
        const QDateTime mid = m_from.addSecs(m_from.secsTo(m_to) / 2);
        QVERIFY(refreshed(*view, [&] { view->setRange(mid, m_to); }));
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QVERIFY(persona->chart()->drawnPrevious().value(0).isEmpty());
        QVERIFY(refreshed(*view, [&] { persona->previousBox()->setChecked(true); }));
        const MetricsResult server = MetricsQuery(f.db.witness()).run(persona->lastRequest());
        QVERIFY(server.ok());
        QCOMPARE(server.previousOffsetMs, m_from.msecsTo(mid));
        const auto &previous = persona->chart()->drawnPrevious();
        QCOMPARE(previous.size(), server.series.size());
        for (int i = 0; i < previous.size(); ++i) {
            const MetricsSeries *s = nullptr;
            for (const MetricsSeries &p : server.previous)
                if (p.key == server.series.at(i).key)
                    s = &p;
            QVERIFY(s);
            QCOMPARE(previous.at(i).size(), s->points.size());
            QVERIFY(!previous.at(i).isEmpty());
            for (int j = 0; j < s->points.size(); ++j) {
                const double x = double(s->points.at(j).bucketStart.toMSecsSinceEpoch()
                                        + server.previousOffsetMs);
                QCOMPARE(previous.at(i).at(j).x(), x);
                QCOMPARE(previous.at(i).at(j).y(), *s->points.at(j).mean);
                QVERIFY(x >= double(mid.toMSecsSinceEpoch()) - 1);
            }
            // Drawn dashed, in the colour of the series' solid line.
            using Layer = AnalyticsPlotItem::Layer;
            bool dashed = false;
            int solid = 0;
            for (const Layer &layer : persona->chart()->plotItem()->layers()) {
                if (layer.series != i)
                    continue;
                if (layer.kind == Layer::Previous && layer.pen.style() == Qt::DashLine
                    && layer.pen.color() == persona->chart()->colorOf(i)
                    && layer.points == QPolygonF(previous.at(i)))
                    dashed = true;
                if (layer.kind == Layer::Line && layer.pen.style() == Qt::SolidLine
                    && layer.pen.color() == persona->chart()->colorOf(i))
                    ++solid;
            }
            QVERIFY2(dashed, qPrintable(QStringLiteral("series %1").arg(i)));
            QCOMPARE(solid, 1);
        }
    }

    void clickOnAPointOpensTheRowsBehindIt()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        QSignalSpy rows(view.get(), &AnalyticsView::showRowsRequested);
        for (MetricsPanel kind : {MetricsPanel::Persona, MetricsPanel::Tools}) {
            rows.clear();
            AnalyticsPanel *panel = view->panel(kind);
            AnalyticsChart *chart = panel->chart();
            const int series = int(chart->drawnLines().size()) - 1; // the top line
            const QList<QPointF> &line = chart->drawnLines().at(series);
            const int index = int(line.size() / 2);
            QTest::mouseClick(chart->viewport(), Qt::LeftButton, {},
                              onViewport(chart, line.at(index)));
            QTRY_COMPARE(rows.count(), 1);
            QCOMPARE(rows.at(0).at(0).toString(), QStringLiteral("public"));
            QCOMPARE(rows.at(0).at(1).toString(), metricsPanelTable(kind));
            const auto filters = rows.at(0).at(2).value<QList<ColumnFilter>>();
            // Exactly the rows of the bucket: as many as the point counts.
            const MetricsSeries &s = panel->lastResult().series.at(series);
            const MetricsPoint *point = nullptr;
            for (const MetricsPoint &p : s.points)
                if (p.bucketStart.toMSecsSinceEpoch() == qint64(line.at(index).x()))
                    point = &p;
            QVERIFY(point);
            QVERIFY(point->count > 0);
            QCOMPARE(rowsBehind(f.db.witness(), metricsPanelTable(kind), filters), point->count);
            QVERIFY(std::any_of(filters.cbegin(), filters.cend(), [&](const ColumnFilter &c) {
                return c.column == metricsPanelKeyColumns(kind).first() && c.value == s.key;
            }));
        }
    }

    void exportWritesThePictureAndTheDrawnSeries()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        QTemporaryDir dir;
        for (MetricsPanel kind : {MetricsPanel::Persona, MetricsPanel::Tools}) {
            AnalyticsPanel *panel = view->panel(kind);
            QString error;
            const QString png = dir.filePath(metricsPanelName(kind) + ".png");
            QVERIFY2(panel->exportPng(png, &error), qPrintable(error));
            QVERIFY(QFileInfo(png).size() > 0);
            const QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), panel->grab().size());

            const QString csv = dir.filePath(metricsPanelName(kind) + ".csv");
            QVERIFY2(panel->exportCsv(csv, &error), qPrintable(error));
            QFile file(csv);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QStringList> table = parseCsv(file.readAll());
            QVERIFY(table.size() > 1);
            const QStringList head = table.first();
            const qsizetype key = head.indexOf(QStringLiteral("series_key"));
            const qsizetype start = head.indexOf(QStringLiteral("bucket_start"));
            const qsizetype value
                = head.indexOf(metricsAggregationName(panel->lastRequest().aggregation));
            QVERIFY(key >= 0 && start >= 0 && value >= 0);
            // Every drawn point is a CSV row with the same value, and nothing else is.
            QHash<QString, int> seriesIndex;
            for (int i = 0; i < panel->lastResult().series.size(); ++i)
                seriesIndex.insert(panel->lastResult().series.at(i).key, i);
            qsizetype drawn = 0;
            for (const auto &l : panel->chart()->drawnLines())
                drawn += l.size();
            QCOMPARE(table.size() - 1, drawn);
            QHash<int, int> next;
            for (qsizetype r = 1; r < table.size(); ++r) {
                const QStringList &row = table.at(r);
                QVERIFY(seriesIndex.contains(row.at(key)));
                const int i = seriesIndex.value(row.at(key));
                const QPointF p = panel->chart()->drawnLines().at(i).at(next[i]++);
                const QDateTime t = QDateTime::fromString(row.at(start), Qt::ISODateWithMs);
                QCOMPARE(t.toMSecsSinceEpoch(), qint64(p.x()));
                QCOMPARE(row.at(value).toDouble(), p.y());
            }
        }
    }
    void gapsAndNullsCutTheLineAndTheBand()
    {
        // Hourly buckets over 130 hours, UTC. Series 0: hours 0-39, nothing in 40-59, 60-89
        // with hour 75 NULL (no value, no band), hour 95 alone, 100-119. Series 1: one point.
        const QDateTime from = at("2026-03-02T00:00:00Z");
        MetricsRequest request;
        request.timeZone = QStringLiteral("UTC");
        request.from = from;
        request.to = from.addSecs(130 * 3600);
        MetricsResult result;
        result.bucket = MetricsBucket::seconds(3600);
        auto point = [&](int hour, std::optional<double> mean) {
            MetricsPoint p;
            p.bucketStart = from.addSecs(hour * 3600);
            p.count = mean ? 3 : 1;
            p.mean = mean;
            if (mean) {
                p.min = *mean - 1;
                p.max = *mean + 1;
            }
            return p;
        };
        MetricsSeries s0;
        s0.key = s0.label = QStringLiteral("gappy");
        for (int h = 0; h < 120; ++h) {
            if ((h >= 40 && h < 60) || (h >= 90 && h < 100 && h != 95))
                continue;
            s0.points.append(point(h, h == 75 ? std::nullopt : std::optional<double>(11)));
        }
        MetricsSeries s1;
        s1.key = s1.label = QStringLiteral("single");
        s1.points.append(point(50, 21));
        result.series = {s0, s1};

        AnalyticsChart chart;
        chart.resize(900, 420);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setResult(request, result, MetricsMeasure::Value::Aggregated);
        QCoreApplication::processEvents();

        // NULL skipped; the line and the band cut at every missing or NULL bucket.
        QCOMPARE(chart.drawnLines().at(0).size(), 40 + 15 + 14 + 1 + 20);
        QVERIFY(std::none_of(chart.drawnLines().at(0).cbegin(), chart.drawnLines().at(0).cend(),
                             [&](const QPointF &p) {
                                 return qint64(p.x())
                                     == from.addSecs(75 * 3600).toMSecsSinceEpoch();
                             }));
        const QList<qsizetype> breaks{40, 55, 69, 70};
        QCOMPARE(chart.drawnBreaks().at(0), breaks);
        QVERIFY(chart.drawnBreaks().at(1).isEmpty());
        using Layer = AnalyticsPlotItem::Layer;
        int bands = 0;
        for (const Layer &layer : chart.plotItem()->layers()) {
            if (layer.series != 0)
                continue;
            QCOMPARE(layer.breaks, breaks);
            QCOMPARE(layer.pieces().size(), 5);
            bands += layer.kind == Layer::Band;
        }
        QCOMPARE(bands, 1);

        // On screen: within a piece the line and band are painted; across a gap the column
        // looks like a column without data (hour 125); the lone points are markers.
        const QImage image = chart.viewport()->grab().toImage();
        auto column = [&](double hour, double lo, double hi) {
            const qint64 ms = from.addSecs(qint64(hour * 3600)).toMSecsSinceEpoch();
            const QPoint top = onViewport(&chart, QPointF(double(ms), hi));
            const QPoint bottom = onViewport(&chart, QPointF(double(ms), lo));
            QList<QRgb> pixels;
            for (int y = top.y(); y <= bottom.y(); ++y)
                pixels.append(image.pixel(top.x(), y));
            return pixels;
        };
        const QList<QRgb> empty = column(125, 9.5, 12.5);
        QVERIFY(column(20.5, 9.5, 12.5) != empty); // inside a piece: drawn
        QCOMPARE(column(47, 9.5, 12.5), empty); // rows missing
        QCOMPARE(column(93, 9.5, 12.5), empty); // rows missing around the lone point
        QCOMPARE(column(74.8, 9.5, 12.5), empty); // the NULL bucket (the pieces' ends aside)
        QVERIFY(column(95, 9.5, 12.5) != empty); // the lone point: a marker
        QVERIFY(column(50, 20.5, 21.5) != column(125, 20.5, 21.5)); // the single point
    }

    void timeZoneChangeRequeriesAtTheZonesMidnight()
    {
        Fixture f;
        // One more day after a day without rows: 2026-03-10, after New York's DST change
        // (2026-03-08 02:00 local).
        QVERIFY(f.connection
                    .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at) SELECT persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at + interval '8 days' FROM persona_analytics "
                          "WHERE recorded_at >= '2026-03-02 12:00+00' "
                          "AND recorded_at < '2026-03-02 14:00+00'")
                    .ok());
        auto view = openView(f);
        QVERIFY(view);
        QVERIFY(view->setTimeZone(QStringLiteral("UTC")));
        // Three years: day buckets at this plot width.
        QVERIFY(refreshed(*view, [&] {
            view->setRange(at("2024-09-01T00:00:00Z"), at("2027-09-01T00:00:00Z"));
        }));
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QCOMPARE(persona->bucketLabel()->text(), QStringLiteral("bucket 1d"));
        auto times = [&](const QTimeZone &zone) {
            QSet<QTime> local;
            QSet<int> utcHours;
            for (const QList<QPointF> &line : persona->chart()->drawnLines())
                for (const QPointF &p : line) {
                    const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(p.x()), zone);
                    local.insert(t.time());
                    utcHours.insert(t.toUTC().time().hour());
                }
            return std::pair{local, utcHours};
        };
        QCOMPARE(times(QTimeZone::utc()).first, QSet<QTime>{QTime(0, 0)});

        // A zone typed into the picker: queried again in it, buckets at its local midnight
        // (04:00 or 05:00 UTC, by DST), the day without rows a gap; the choice is stored.
        const QString newYork = QStringLiteral("America/New_York");
        QSignalSpy jobs(view.get(), &AnalyticsView::jobStarted);
        QLineEdit *edit = view->timeZoneBox()->lineEdit();
        QVERIFY(refreshed(*view, [&] {
            edit->selectAll();
            QTest::keyClicks(edit, newYork);
            QTest::keyClick(edit, Qt::Key_Return);
        }));
        QVERIFY(jobs.count() > 0);
        QCOMPARE(view->timeZone(), newYork);
        QCOMPARE(persona->lastRequest().timeZone, newYork);
        QCOMPARE(QSettings().value(QStringLiteral("analytics/timeZone")).toString(), newYork);
        compareWithServer(f.db.witness(), persona);
        QCOMPARE(persona->bucketLabel()->text(), QStringLiteral("bucket 1d"));
        const auto [local, utcHours] = times(QTimeZone(newYork.toUtf8()));
        QCOMPARE(local, QSet<QTime>{QTime(0, 0)});
        QCOMPARE(utcHours, (QSet<int>{4, 5}));
        for (int i = 0; i < persona->chart()->drawnLines().size(); ++i) {
            const qsizetype n = persona->chart()->drawnLines().at(i).size();
            QCOMPARE(persona->chart()->drawnBreaks().at(i), QList<qsizetype>{n - 1});
        }

        // Not a zone: put back, nothing queried.
        jobs.clear();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("Mars/Olympus_Mons"));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(view->timeZoneBox()->currentText(), newYork);
        QCOMPARE(view->timeZone(), newYork);
        QVERIFY(!view->setTimeZone(QStringLiteral("Mars/Olympus_Mons")));
        QCOMPARE(jobs.count(), 0);
        QVERIFY(!view->isBusy());

        // A new view starts in the stored zone.
        AnalyticsView second;
        QCOMPARE(second.timeZone(), newYork);
    }
};

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"
