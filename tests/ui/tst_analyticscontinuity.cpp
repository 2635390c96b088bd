// Issue 34, point 3 (view): a series is drawn as a line across buckets where its data is
// continuous, with a gap only where data is really missing (rows further apart than the
// series' native interval), and the time axis ticks at round times, labelled to match (it
// ticked at 18 Nov 07:22, every 28.8 hours, and said the date only).
#include "analytics/analyticschart.h"
#include "analytics/timeaxisticks.h"
#include "metrics/metricsquery.h"
#include "metricsdatabase.h"

#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLocale>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Three personas twice a day, at 00:10 and 00:40 UTC, for 20 days; the third misses three days.
const char *const kFixture = R"SQL(
DELETE FROM persona_analytics;
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'usage', 'twice_daily', 10 * p.i + extract(doy FROM d) % 7, d + m.at
FROM generate_series('2026-02-01 00:00+00'::timestamptz, '2026-02-20 00:00+00', '1 day') d
CROSS JOIN (VALUES (interval '10 minutes'), (interval '40 minutes')) m(at)
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 3) p
WHERE NOT (p.i = 3 AND d >= '2026-02-10 00:00+00' AND d < '2026-02-13 00:00+00');
)SQL";

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// The chart's time axis ticks as drawn: (ms, label), whatever kind of axis it is.
QList<QPair<qint64, QString>> ticksOf(AnalyticsChart &chart)
{
    QList<QPair<qint64, QString>> out;
    const QList<QAbstractAxis *> axes = chart.chart()->axes(Qt::Horizontal);
    if (axes.isEmpty())
        return out;
    if (auto *category = qobject_cast<QCategoryAxis *>(axes.first())) {
        for (const QString &label : category->categoriesLabels())
            out.append({qint64(category->endValue(label)), label.trimmed().remove(QChar(0x200B))});
    } else if (auto *time = qobject_cast<QDateTimeAxis *>(axes.first())) {
        const qint64 min = time->min().toMSecsSinceEpoch();
        const qint64 max = time->max().toMSecsSinceEpoch();
        const int n = time->tickCount();
        for (int k = 0; k < n; ++k) {
            const qint64 ms = min + (max - min) * k / std::max(1, n - 1);
            out.append(
                {ms,
                 QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(time->format())});
        }
    }
    return out;
}

} // namespace

class TestAnalyticsContinuity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    // 12 h buckets (a zoom: the floor is off): every other bucket is empty, and the lines
    // were cut at each of them (dots). Drawn continuous now; the third persona's three missing
    // days are its one gap.
    void continuousDataIsOneLine()
    {
        MetricsDatabase db(QStringLiteral("tst_analyticscontinuity"), kFixture);
        MetricsRequest r;
        r.panel = MetricsPanel::Persona;
        r.metricName = QStringLiteral("twice_daily");
        r.from = at("2026-02-01T00:00:00Z");
        r.to = at("2026-02-21T00:00:00Z");
        r.timeZone = QStringLiteral("UTC");
        r.widthPx = 900;
        r.bucket = MetricsBucket::seconds(12 * 3600);
        const MetricsResult result = MetricsQuery(db.connection).run(r);
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QCOMPARE(result.series.size(), 3);
        AnalyticsChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setResult(r, result, MetricsMeasure::Value::Aggregated);
        for (int i = 0; i < 3; ++i) {
            const MetricsSeries &s = result.series.at(i);
            QCOMPARE(chart.drawnLines().at(i).size(), s.points.size());
            // the series missing three days is the one with 17 buckets
            const QList<qsizetype> expected
                = s.points.size() == 17 ? QList<qsizetype>{9} : QList<qsizetype>{};
            QCOMPARE(chart.drawnBreaks().at(i), expected);
        }
    }

    // Ticks at round times of the chart's zone, labelled for what they are.
    void ticksAtRoundTimes_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("kind"); // midnight | hour | month
        QTest::newRow("7 days from 07:22")
            << at("2025-11-18T07:22:00Z") << at("2025-11-25T07:22:00Z") << "UTC"
            << "midnight";
        QTest::newRow("7 days, Berlin")
            << at("2025-11-18T07:22:00Z") << at("2025-11-25T07:22:00Z") << "Europe/Berlin"
            << "midnight";
        QTest::newRow("90 days") << at("2025-08-27T07:22:00Z") << at("2025-11-25T07:22:00Z")
                                 << "UTC"
                                 << "midnight";
        QTest::newRow("6 hours") << at("2025-11-18T07:22:00Z") << at("2025-11-18T13:22:00Z")
                                 << "Europe/Berlin"
                                 << "hour";
        QTest::newRow("a year") << at("2024-11-25T07:22:00Z") << at("2025-11-25T07:22:00Z") << "UTC"
                                << "month";
    }

    void ticksAtRoundTimes()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(QString, zone);
        QFETCH(QString, kind);
        MetricsRequest r;
        r.from = from;
        r.to = to;
        r.timeZone = zone;
        MetricsResult result;
        result.bucket = MetricsBucket::calendar(MetricsBucket::Unit::Day);
        AnalyticsChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setResult(r, result, MetricsMeasure::Value::Aggregated);
        const QTimeZone tz(zone.toUtf8());
        const QLocale locale;
        const auto ticks = ticksOf(chart);
        QVERIFY2(ticks.size() >= 3 && ticks.size() <= 12,
                 qPrintable(QString::number(ticks.size())));
        for (const auto &[ms, label] : ticks) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, tz);
            QVERIFY(t >= from && t <= to);
            const QString where = t.toString(Qt::ISODate) + u' ' + label;
            QCOMPARE(t.time().second(), 0);
            if (kind == QLatin1String("hour")) {
                QVERIFY2(t.time().minute() == 0, qPrintable(where));
                QCOMPARE(label, locale.toString(t.time(), QLocale::ShortFormat));
            } else {
                QVERIFY2(t.time() == QTime(0, 0), qPrintable(where));
                if (kind == QLatin1String("month")) {
                    QVERIFY2(t.date().day() == 1, qPrintable(where));
                    QVERIFY2(label.contains(QString::number(t.date().year()))
                                 && label.contains(
                                     locale.monthName(t.date().month(), QLocale::ShortFormat)),
                             qPrintable(where));
                } else {
                    QVERIFY2(label.contains(QString::number(t.date().day())), qPrintable(where));
                }
            }
        }
    }

    // The tick chooser itself: a day's ticks on a range of days, Mondays for weeks.
    void tickSteps()
    {
        const QTimeZone utc = QTimeZone::utc();
        auto ticks
            = TimeAxisTicks::ticks(at("2025-11-18T07:22:00Z"), at("2025-11-25T07:22:00Z"), utc, 8);
        QCOMPARE(ticks.size(), 7); // 19 .. 25 Nov at midnight
        QCOMPARE(ticks.first().ms, at("2025-11-19T00:00:00Z").toMSecsSinceEpoch());
        ticks
            = TimeAxisTicks::ticks(at("2025-09-01T00:00:00Z"), at("2025-11-25T00:00:00Z"), utc, 8);
        for (const TimeAxisTicks::Tick &t : ticks)
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(t.ms, utc).date().dayOfWeek(), 1);
        QVERIFY(TimeAxisTicks::ticks(at("2025-09-01T00:00:00Z"), at("2025-09-01T00:00:00Z"), utc, 8)
                    .isEmpty());
    }
};

QTEST_MAIN(TestAnalyticsContinuity)
#include "tst_analyticscontinuity.moc"
