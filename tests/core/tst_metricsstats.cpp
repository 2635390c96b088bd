// Issue 21 point 7 (core): every series' statistics (MetricsSeries::stats, stats.sql) are those
// of the raw rows in the range: the same as a direct aggregate for every plot width and
// bucket size; and the sampling floor (MetricsRequest::bucketAtLeastSampling): never a bucket
// finer than the data's own sampling interval. Against the sandbox, on the rows of
// metricsqueriestestutil.h (5-minute ticks, NULL execution and response times, spikes).
#include "db/pgconnection.h"
#include "metrics/metricsquery.h"
#include "metrics/metricsstats.h"
#include "metricsqueriestestutil.h"

#include <QtTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::metrics;

Q_DECLARE_METATYPE(uaip::MetricsPanel)

namespace {

// The direct aggregate, written independently: per key count of values, min, max, avg, the
// value of the latest row with a value (ties: the largest value).
QString directSql(MetricsPanel panel)
{
    switch (panel) {
    case MetricsPanel::Persona:
        return QStringLiteral(
            "SELECT persona_id::text AS k, recorded_at AS ts, metric_value::float8 AS v "
            "FROM persona_analytics WHERE metric_name = 'test_metric'");
    case MetricsPanel::Tools:
        return QStringLiteral("SELECT tool_id::text, recorded_at, execution_time_ms::float8 "
                              "FROM tool_usage_records");
    case MetricsPanel::Interactions:
        return QStringLiteral("SELECT model_used, created_at, response_time_ms::float8 "
                              "FROM ai_interactions");
    default:
        return QString();
    }
}

bool same(const std::optional<double> &a, const QString &b)
{
    if (!a)
        return b.isEmpty();
    const double e = b.toDouble();
    return std::abs(*a - e) <= 1e-9 * std::max(1.0, std::abs(e));
}

} // namespace

class TestMetricsStats : public QObject
{
    Q_OBJECT

    Fixture &f()
    {
        static Fixture *fixture = new Fixture; // one database for every row
        return *fixture;
    }

private slots:
    void statsAreOfTheRawRows_data()
    {
        QTest::addColumn<MetricsPanel>("panel");
        QTest::addColumn<QString>("bucket"); // "" = auto
        QTest::addColumn<int>("width");
        for (const auto &[name, panel] :
             {std::pair{"persona", MetricsPanel::Persona}, std::pair{"tools", MetricsPanel::Tools},
              std::pair{"interactions", MetricsPanel::Interactions}})
            for (const auto &[bucket, width] :
                 {std::pair{"", 300}, std::pair{"", 1600}, std::pair{"", 9000},
                  std::pair{"5m", 5000}, std::pair{"3h", 1600}, std::pair{"1d", 800},
                  std::pair{"1w", 800}})
                QTest::addRow("%s %s %d", name, *bucket ? bucket : "auto", width)
                    << panel << QString::fromLatin1(bucket) << width;
    }

    void statsAreOfTheRawRows()
    {
        QFETCH(MetricsPanel, panel);
        QFETCH(QString, bucket);
        QFETCH(int, width);
        const QDateTime from = at("2026-03-27T03:17:00Z"), to = at("2026-04-01T19:00:00Z");
        MetricsRequest r = request(panel, from, to, QStringLiteral("Europe/Berlin"), width);
        r.withPercentiles = false;
        if (panel == MetricsPanel::Interactions)
            r.metricName = QStringLiteral("response_time");
        if (!bucket.isEmpty())
            r.bucket = MetricsBucket::parse(bucket);
        const MetricsResult result = MetricsQuery(f().connection).run(r);
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(result.series.size() >= 2);

        const PgResult d = f().connection.exec(
            QStringLiteral("WITH raw (k, ts, v) AS (%1) "
                           "SELECT k, count(*), count(v), min(v), max(v), avg(v), "
                           "(array_agg(v ORDER BY ts DESC, v DESC) FILTER (WHERE v IS NOT "
                           "NULL))[1] FROM raw WHERE ts >= $1 AND ts < $2 GROUP BY k")
                .arg(directSql(panel))
                .toUtf8(),
            {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d.rows(), int(result.series.size()));
        for (int i = 0; i < d.rows(); ++i) {
            const auto it
                = std::find_if(result.series.cbegin(), result.series.cend(),
                               [&](const MetricsSeries &s) { return s.key == d.value(i, 0); });
            QVERIFY(it != result.series.cend());
            const MetricsSeriesStats &s = it->stats;
            QVERIFY(s.known);
            QCOMPARE(s.rows, d.value(i, 1).toLongLong());
            QCOMPARE(s.values, d.value(i, 2).toLongLong());
            QVERIFY2(same(s.min, d.value(i, 3)), qPrintable(d.value(i, 3)));
            QVERIFY2(same(s.max, d.value(i, 4)), qPrintable(d.value(i, 4)));
            QVERIFY2(same(s.mean, d.value(i, 5)),
                     qPrintable(QStringLiteral("%1 vs %2").arg(*s.mean).arg(d.value(i, 5))));
            QVERIFY2(same(s.last, d.value(i, 6)), qPrintable(d.value(i, 6)));
            // the rows of the buckets add up to the same count (the buckets are exact too)
            qint64 rows = 0;
            for (const MetricsPoint &p : it->points)
                rows += p.count;
            QCOMPARE(rows, s.rows);
        }
    }

    // Daily rows: the floor raises an auto bucket to a day; an explicit bucket and a request
    // without the floor keep theirs.
    void bucketNotFinerThanTheSampling()
    {
        const QByteArray daily
            = "INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
              "metric_value, recorded_at) "
              "SELECT p.id, 'usage', 'daily', g.n, g.t + interval '9 hours' + (g.n % 4) * "
              "interval '5 minutes' FROM (SELECT t, row_number() OVER (ORDER BY t) AS n FROM "
              "generate_series('2026-01-01 00:00+00'::timestamptz, '2026-03-31 00:00+00', "
              "'1 day') t) g CROSS JOIN (SELECT id FROM personas ORDER BY id LIMIT 2) p";
        QVERIFY(f().connection.execScript(daily).ok());
        MetricsRequest r = request(MetricsPanel::Persona, at("2026-01-01T00:00:00Z"),
                                   at("2026-04-01T00:00:00Z"), QStringLiteral("UTC"), 1600);
        r.metricName = QStringLiteral("daily");
        r.withPercentiles = false;
        r.bucketAtLeastSampling = false; // as the view asks for a zoom
        MetricsResult plain = MetricsQuery(f().connection).run(r);
        QVERIFY(plain.ok());
        QVERIFY2(plain.bucket.nominalSeconds() < 86400, qPrintable(plain.bucket.label()));
        QVERIFY(!plain.bucketFromSampling);
        QVERIFY(std::abs(plain.samplingSeconds - 86400) < 3600);

        r.bucketAtLeastSampling = true;
        const MetricsResult floored = MetricsQuery(f().connection).run(r);
        QVERIFY(floored.ok());
        QCOMPARE(floored.bucket.label(), QStringLiteral("1d"));
        QVERIFY(floored.bucketFromSampling);
        for (const MetricsSeries &s : floored.series) {
            QCOMPARE(s.points.size(), 90); // one bucket a day, none empty
            QCOMPARE(s.stats.values, 90);
        }
        QVERIFY(floored.statement.display().contains(QStringLiteral("'86400 seconds'"))
                || floored.statement.display().contains(QStringLiteral("'day'")));

        r.bucket = MetricsBucket::seconds(3 * 3600); // asked for: kept
        const MetricsResult hourly = MetricsQuery(f().connection).run(r);
        QVERIFY2(hourly.ok(), qPrintable(hourly.error.toString()));
        QCOMPARE(hourly.bucket.label(), QStringLiteral("3h"));
        QVERIFY(!hourly.bucketFromSampling);
        QVERIFY(
            f().connection.exec("DELETE FROM persona_analytics WHERE metric_name = 'daily'").ok());
    }

    void floorFor()
    {
        QVERIFY(!MetricsStats::floorFor(0));
        QCOMPARE(MetricsStats::floorFor(86400 - 600)->label(), QStringLiteral("1d"));
        QCOMPARE(MetricsStats::floorFor(86400 * 1.05)->label(), QStringLiteral("1d")); // drift
        // the native interval is the 90th percentile of the gaps: a daily schedule drifting by
        // hours still gets a day (issue 34)
        QCOMPARE(MetricsStats::floorFor(86400 * 1.2)->label(), QStringLiteral("1d"));
        QCOMPARE(MetricsStats::floorFor(86400 * 1.4)->label(), QStringLiteral("1w"));
        QCOMPARE(MetricsStats::floorFor(12 * 3600)->label(), QStringLiteral("12h"));
        QCOMPARE(MetricsStats::floorFor(600)->label(), QStringLiteral("10m"));
        QCOMPARE(MetricsStats::floorFor(3500)->label(), QStringLiteral("1h"));
        MetricsSeriesStats a, b, c;
        a.nativeSeconds = 60;
        b.nativeSeconds = 3600;
        c.instants = 1; // no interval
        QCOMPARE(MetricsStats::samplingSeconds({a, b, c}), (60.0 + 3600.0) / 2);
        QCOMPARE(MetricsStats::samplingSeconds({c}), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsStats)
#include "tst_metricsstats.moc"
