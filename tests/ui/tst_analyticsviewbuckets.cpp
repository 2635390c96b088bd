// The Analytics view's buckets against the real sandbox: missing buckets and NULL values cut
// the line and the band (a lone point is a marker), and the time zone picker re-queries with
// day buckets at the new zone's local midnight, across New York's DST change.
#include "analytics/analyticsplotitem.h"
#include "analytics/timezonebox.h"
#include "analyticsviewtestutil.h"

#include <QImage>
#include <QLineEdit>
#include <QSettings>
#include <QTimeZone>

#include <algorithm>
#include <optional>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::analytics;

class TestAnalyticsViewBuckets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpAnalyticsTest(); }
    void init() { QSettings().remove(QStringLiteral("analytics/timeZone")); }

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
            p.setBucketStart(from.addSecs(hour * 3600));
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
        // Half a year: day buckets at this plot width (at most one per two pixels).
        QVERIFY(refreshed(*view, [&] {
            view->setRange(at("2026-01-01T00:00:00Z"), at("2026-07-01T00:00:00Z"));
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

QTEST_MAIN(TestAnalyticsViewBuckets)
#include "tst_analyticsviewbuckets.moc"
