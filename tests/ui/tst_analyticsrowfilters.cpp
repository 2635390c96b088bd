// Issue 60, point 5: the Persona and Capability panels bucket a row by the start of the period
// it measures (time_period_start, measurement_period_start) where it has one, so the rows behind
// a bucket (the Entities view's click-through) are those recorded in the range whose period
// starts in the bucket; a bucket of rows without a period keeps the recorded_at filter.
#include "analytics/analyticsrowfilters.h"
#include "metrics/metricsbucket.h"

#include <QtTest>

using namespace uaip;

namespace {

using Op = ColumnFilter::Op;

MetricsRequest sevenDays()
{
    MetricsRequest r;
    r.panel = MetricsPanel::Persona;
    r.metricName = QStringLiteral("messages_sent");
    r.to = QDateTime(QDate(2026, 11, 24), QTime(23, 30), Qt::UTC);
    r.from = r.to.addDays(-7);
    r.timeZone = QStringLiteral("UTC");
    return r;
}

// The series' point in the day bucket of 2026-11-17, the range's first (it starts at 23:30).
MetricsSeries seriesWith(bool byPeriod)
{
    MetricsPoint p;
    p.setBucketStart(QDateTime(QDate(2026, 11, 17), QTime(0, 0), Qt::UTC));
    p.count = 1;
    p.byPeriod = byPeriod;
    return MetricsSeries{QStringLiteral("6f1c5a0e-0000-4000-8000-000000000001"), {}, 1, {p}, {}};
}

QList<ColumnFilter> of(MetricsPanel panel, bool byPeriod)
{
    const MetricsSeries s = seriesWith(byPeriod);
    return AnalyticsRowFilters::of(panel, sevenDays(),
                                   MetricsBucket::calendar(MetricsBucket::Unit::Day), s,
                                   s.points.constFirst().startMs);
}

} // namespace

class TestAnalyticsRowFilters : public QObject
{
    Q_OBJECT

private slots:
    void periodRowsByTheirPeriod_data()
    {
        QTest::addColumn<int>("panel");
        QTest::addColumn<QString>("period");
        QTest::newRow("persona") << int(MetricsPanel::Persona) << "time_period_start";
        QTest::newRow("capability") << int(MetricsPanel::Capability) << "measurement_period_start";
    }

    void periodRowsByTheirPeriod()
    {
        QFETCH(int, panel);
        QFETCH(QString, period);
        const QList<ColumnFilter> f = of(MetricsPanel(panel), true);
        QVERIFY(f.size() >= 5);
        // recorded in the range asked for
        QCOMPARE(f.at(0),
                 (ColumnFilter{QStringLiteral("recorded_at"),
                               Op::Greater,
                               QStringLiteral("2026-11-17T23:29:59.999999+00:00"),
                               {}}));
        QCOMPARE(f.at(1),
                 (ColumnFilter{QStringLiteral("recorded_at"),
                               Op::Less,
                               QStringLiteral("2026-11-24T23:30:00.000Z"),
                               {}}));
        // measuring a period that starts in the whole bucket (before the range too)
        QCOMPARE(f.at(2),
                 (ColumnFilter{
                     period, Op::Greater, QStringLiteral("2026-11-16T23:59:59.999999+00:00"), {}}));
        QCOMPARE(f.at(3),
                 (ColumnFilter{period, Op::Less, QStringLiteral("2026-11-18T00:00:00.000Z"), {}}));
    }

    // Rows without a period: the bucket, clipped to the range, on recorded_at (as before).
    void otherRowsByTheirTime()
    {
        const QList<ColumnFilter> f = of(MetricsPanel::Persona, false);
        QVERIFY(f.size() >= 3);
        QCOMPARE(f.at(0),
                 (ColumnFilter{QStringLiteral("recorded_at"),
                               Op::Greater,
                               QStringLiteral("2026-11-17T23:29:59.999999+00:00"),
                               {}}));
        QCOMPARE(f.at(1),
                 (ColumnFilter{QStringLiteral("recorded_at"),
                               Op::Less,
                               QStringLiteral("2026-11-18T00:00:00.000Z"),
                               {}}));
        QCOMPARE(f.at(2).column, QStringLiteral("persona_id"));
    }
};

QTEST_MAIN(TestAnalyticsRowFilters)
#include "tst_analyticsrowfilters.moc"
