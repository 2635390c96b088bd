// The analytics core (app/core/metrics) against the real sandbox: every panel's series for
// several ranges, plot widths and zones (DST changes of Europe/Berlin and America/New_York,
// Asia/Kolkata's half hour) compared with an independent SQL computation on the same rows
// (bucket boundaries from generate_series in local time, rows joined by range), the bucket
// chooser, DST day lengths, top N, previous period, bad input, NULLs, gaps, a single point,
// ten years, quoted/non-ASCII metric names and cancel from another thread; the Persona
// panel's day counts (0017) stay exact through every kind of write and rank like the rows.
#include "db/pgconnection.h"
#include "demo/demodataloader.h"
#include "demo/demodataplan.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsexport.h"
#include "metrics/metricsquery.h"
#include "platformdatabase.h"

#include <QHash>
#include <QThread>
#include <QTimeZone>
#include <QtTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;

Q_DECLARE_METATYPE(uaip::MetricsPanel)

namespace {

// Entities from a tiny demo load; the metric tables then hold only these controlled rows.
// Spring window 2026-03-26 .. 04-02 and autumn window 2026-10-21 .. 10-29 (UTC), a gap on
// 2026-03-28 06:00-12:00 UTC, NULL execution times and response times, a spike every 50th row.
const char *const kFixture = R"SQL(
DELETE FROM persona_analytics;
DELETE FROM agent_capability_metrics;
DELETE FROM tool_usage_records;
DELETE FROM ai_interactions;
DELETE FROM token_consumption;
INSERT INTO organizations (name, slug) VALUES ('Org "A", Ltd', 'org-a');
CREATE TEMP TABLE ticks AS
SELECT t, row_number() OVER (ORDER BY t) AS n
FROM (SELECT generate_series('2026-03-26 00:00+00'::timestamptz, '2026-04-02 00:00+00', '5 minutes') AS t
      UNION ALL
      SELECT generate_series('2026-10-21 00:00+00'::timestamptz, '2026-10-29 00:00+00', '5 minutes')) s
WHERE NOT (t >= '2026-03-28 06:00+00' AND t < '2026-03-28 12:00+00');
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'performance', 'test_metric',
       (k.n % 97) + p.i * 10 + CASE WHEN k.n % 50 = 0 THEN 500 ELSE 0 END,
       k.t + p.i * interval '7 minutes'
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 3) p
WHERE (k.n + p.i) % (p.i + 1) = 0;
INSERT INTO agent_capability_metrics (agent_id, capability_name, metric_type, metric_value,
                                      baseline_value, target_value, confidence_score, recorded_at)
SELECT a.id, 'test_cap', 'performance', (k.n % 41) * 1.5 + a.i,
       CASE WHEN k.n % 9 = 0 THEN NULL ELSE 20 + a.i END, 40, CASE WHEN k.n % 5 = 0 THEN NULL ELSE 0.8 END,
       k.t
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM agents ORDER BY id LIMIT 2) a
WHERE k.n % 3 = a.i - 1;
INSERT INTO tool_usage_records (tool_id, success, execution_time_ms, recorded_at)
SELECT d.id, k.n % 7 <> 0, CASE WHEN k.n % 11 = 0 THEN NULL ELSE (k.n * 37) % 1000 END, k.t
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM tool_definitions ORDER BY id LIMIT 2) d
WHERE k.n % 2 = d.i - 1;
INSERT INTO ai_interactions (session_id, user_input, model_used, tokens_used, response_time_ms, success, created_at)
SELECT (SELECT id FROM ai_sessions ORDER BY id LIMIT 1), 'q', m.model, (k.n * 13) % 3000,
       CASE WHEN k.n % 13 = 0 THEN NULL ELSE (k.n * 7) % 900 END, k.n % 6 <> 0, k.t
FROM ticks k
CROSS JOIN (VALUES (0, 'model-a'), (1, 'model, "b" ü')) m(i, model)
WHERE k.n % 2 = m.i;
INSERT INTO token_consumption (usage_date, model, organization_id, user_id, input_tokens, output_tokens, cost, request_count)
SELECT d::date, m.model, o.org, u.usr, (extract(doy FROM d)::int * 100 + m.i) , 50 * u.j, (extract(doy FROM d)::int % 7) * 0.25 + u.j, 1
FROM generate_series('2026-03-20'::date, '2026-11-05'::date, '1 day') d
CROSS JOIN (VALUES (0, 'model-a'), (1, 'model, "b" ü')) m(i, model)
CROSS JOIN (SELECT NULL::uuid AS org UNION ALL SELECT id FROM organizations WHERE slug = 'org-a') o
CROSS JOIN (SELECT NULL::uuid AS usr, 1 AS j UNION ALL SELECT id, 2 FROM (SELECT id FROM users ORDER BY id LIMIT 1) x) u;
)SQL";

// The independent computation: rows of each panel written here again, bucket bounds from
// generate_series (absolute steps below a day, local calendar steps above), rows joined by
// range. $1 from, $2 to, $3 zone, $4 step seconds (0 = calendar), $5 calendar step
// ('1 day', '7 days', '1 month', '3 months', '1 year'), $6 calendar unit, $7 keys (text[]).
const char *const kReference = R"SQL(
WITH raw (k, ts, v, f, bl, tg, cf) AS (%1),
origin AS (SELECT extract(epoch FROM '2000-01-03 00:00'::timestamp AT TIME ZONE $3::text) AS e),
lf AS (SELECT ($1::timestamptz AT TIME ZONE $3::text) AS l),
cal_start AS (
    SELECT CASE $6::text
             WHEN 'day' THEN l::date::timestamp
             WHEN 'week' THEN (l::date - (extract(isodow FROM l)::int - 1))::timestamp
             WHEN 'month' THEN make_date(extract(year FROM l)::int, extract(month FROM l)::int, 1)::timestamp
             WHEN 'quarter' THEN make_date(extract(year FROM l)::int, ((extract(month FROM l)::int - 1) / 3) * 3 + 1, 1)::timestamp
             WHEN 'year' THEN make_date(extract(year FROM l)::int, 1, 1)::timestamp
           END AS s
    FROM lf),
bounds AS (
    SELECT to_timestamp(o.e + (floor((extract(epoch FROM $1::timestamptz) - o.e) / $4::int) + g) * $4::int) AS b_start,
           to_timestamp(o.e + (floor((extract(epoch FROM $1::timestamptz) - o.e) / $4::int) + g + 1) * $4::int) AS b_end
    FROM origin o, generate_series(0, ceil((extract(epoch FROM $2::timestamptz) - extract(epoch FROM $1::timestamptz)) / greatest($4::int, 1))::int + 1) g
    WHERE $4::int > 0
    UNION ALL
    SELECT x AT TIME ZONE $3::text, (x + $5::interval) AT TIME ZONE $3::text
    FROM cal_start c, generate_series(c.s, ($2::timestamptz AT TIME ZONE $3::text), $5::interval) x
    WHERE $4::int = 0)
SELECT r.k, (extract(epoch FROM b.b_start) * 1000)::bigint, count(*),
       avg(r.v), min(r.v), max(r.v),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.v), percentile_cont(0.95) WITHIN GROUP (ORDER BY r.v),
       sum(r.v), avg(CASE WHEN r.f THEN 1.0 WHEN NOT r.f THEN 0.0 END),
       avg(r.bl), avg(r.tg), avg(r.cf)
FROM raw r JOIN bounds b ON r.ts >= b.b_start AND r.ts < b.b_end
WHERE r.ts >= $1::timestamptz AND r.ts < $2::timestamptz
  AND ($7::text[] IS NULL OR r.k = ANY ($7::text[]))
GROUP BY r.k, b.b_start
ORDER BY r.k, b.b_start
)SQL";

QString rawRows(MetricsPanel panel, const QString &metric)
{
    Q_UNUSED(metric);
    switch (panel) {
    case MetricsPanel::Persona:
        return QStringLiteral(
            "SELECT persona_id::text AS k, recorded_at AS ts, metric_value::float8 AS v, "
            "NULL::boolean AS f, NULL::float8 AS bl, NULL::float8 AS tg, NULL::float8 AS cf "
            "FROM persona_analytics WHERE metric_name = $8");
    case MetricsPanel::Capability:
        return QStringLiteral(
            "SELECT agent_id::text, recorded_at, metric_value::float8, NULL::boolean, "
            "baseline_value::float8, target_value::float8, confidence_score::float8 "
            "FROM agent_capability_metrics WHERE capability_name = $8 AND metric_type = "
            "'performance'");
    case MetricsPanel::Tools:
        return QStringLiteral("SELECT tool_id::text, recorded_at, execution_time_ms::float8, "
                              "success, NULL::float8, NULL::float8, NULL::float8 "
                              "FROM tool_usage_records WHERE $8::text IS NULL");
    case MetricsPanel::Interactions:
        return QStringLiteral(
            "SELECT model_used::text, created_at, CASE $8 WHEN 'response_time' THEN "
            "response_time_ms::float8 ELSE tokens_used::float8 END, NOT success, NULL::float8, "
            "NULL::float8, NULL::float8 FROM ai_interactions");
    case MetricsPanel::Tokens:
        return QStringLiteral(
            "SELECT concat(model, '|', organization_id), (usage_date + time '00:00') AT TIME ZONE "
            "$3::text, CASE $8 WHEN 'cost' THEN cost::float8 ELSE (input_tokens + "
            "output_tokens)::float8 "
            "END, NULL::boolean, NULL::float8, NULL::float8, NULL::float8 FROM token_consumption");
    }
    return {};
}

QString calendarStep(const MetricsBucket &b)
{
    switch (b.unit()) {
    case MetricsBucket::Unit::Day:
        return QStringLiteral("1 day");
    case MetricsBucket::Unit::Week:
        return QStringLiteral("7 days");
    case MetricsBucket::Unit::Month:
        return QStringLiteral("1 month");
    case MetricsBucket::Unit::Quarter:
        return QStringLiteral("3 months");
    case MetricsBucket::Unit::Year:
        return QStringLiteral("1 year");
    case MetricsBucket::Unit::Seconds:
        break;
    }
    return QStringLiteral("1 day");
}

bool close(const std::optional<double> &a, const QString &b)
{
    if (b.isEmpty())
        return !a.has_value();
    if (!a)
        return false;
    const double x = b.toDouble();
    return std::abs(*a - x) <= 1e-9 * std::max(1.0, std::abs(x));
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

MetricsRequest request(MetricsPanel panel, const QDateTime &from, const QDateTime &to,
                       const QString &zone, int width)
{
    MetricsRequest r;
    r.panel = panel;
    r.from = from;
    r.to = to;
    r.timeZone = zone;
    r.widthPx = width;
    r.topN = 0;
    r.withPercentiles = true;
    if (panel == MetricsPanel::Persona)
        r.metricName = QStringLiteral("test_metric");
    if (panel == MetricsPanel::Capability)
        r.metricName = QStringLiteral("test_cap");
    return r;
}

class Fixture : public PlatformDatabase
{
public:
    Fixture()
        : PlatformDatabase(QStringLiteral("tst_metricsqueries"))
    {
        DemoDataLoader::Options o;
        o.analyze = false;
        DemoDataLoader loader(connection, DemoDataPlan::forScale(1000), o);
        const DemoLoadResult r = loader.load();
        if (!r.ok())
            qFatal("demo load: %s", qPrintable(r.message));
        const PgResult f = connection.exec(kFixture);
        if (!f.ok())
            qFatal("fixture: %s", qPrintable(f.error().toString()));
    }
};

// Compares the result's series with the reference computation, point by point.
void compareWithReference(PgConnection &witness, const MetricsRequest &req,
                          const MetricsResult &result)
{
    QVERIFY2(result.ok(), qPrintable(result.message));
    const MetricsBucket b = result.bucket;
    QString metric = req.metricName;
    if (metric.isEmpty() && req.panel == MetricsPanel::Interactions)
        metric = QStringLiteral("tokens");
    if (metric.isEmpty() && req.panel == MetricsPanel::Tokens)
        metric = QStringLiteral("tokens");
    const QByteArray sql = QString::fromLatin1(kReference).arg(rawRows(req.panel, metric)).toUtf8();
    const PgResult ref = witness.exec(
        sql,
        {req.from.toUTC().toString(Qt::ISODateWithMs), req.to.toUTC().toString(Qt::ISODateWithMs),
         req.timeZone, QString::number(b.fixedSeconds()), calendarStep(b),
         b.truncField().isEmpty() ? QVariant() : QVariant(b.truncField()),
         req.ids.isEmpty() ? QVariant() : QVariant(MetricsStatement::textArray(req.ids)),
         metric.isEmpty() ? QVariant() : QVariant(metric)});
    QVERIFY2(ref.ok(), qPrintable(ref.error().toString()));

    QHash<QString, const MetricsSeries *> byKey;
    int points = 0;
    for (const MetricsSeries &s : result.series) {
        byKey.insert(s.key, &s);
        points += int(s.points.size());
    }
    QCOMPARE(points, ref.rows());
    QHash<QString, int> next;
    for (int i = 0; i < ref.rows(); ++i) {
        const QString key = ref.value(i, 0);
        QVERIFY2(byKey.contains(key), qPrintable(QStringLiteral("series %1 missing").arg(key)));
        const MetricsSeries &s = *byKey.value(key);
        const int j = next[key]++;
        QVERIFY(j < s.points.size());
        const MetricsPoint &p = s.points.at(j);
        const QString where
            = QStringLiteral("%1 @ %2 (%3, bucket %4)")
                  .arg(key, p.bucketStart.toString(Qt::ISODate), req.timeZone, b.label());
        QVERIFY2(p.bucketStart.toMSecsSinceEpoch() == ref.value(i, 1).toLongLong(),
                 qPrintable(where + QStringLiteral(" vs ")
                            + QDateTime::fromMSecsSinceEpoch(ref.value(i, 1).toLongLong(),
                                                             QTimeZone(req.timeZone.toUtf8()))
                                  .toString(Qt::ISODate)));
        QVERIFY2(p.bucketStart.offsetFromUtc()
                     == QTimeZone(req.timeZone.toUtf8()).offsetFromUtc(p.bucketStart),
                 qPrintable(where));
        QVERIFY2(p.count == ref.value(i, 2).toLongLong(), qPrintable(where));
        QVERIFY2(close(p.mean, ref.value(i, 3)), qPrintable(where + QStringLiteral(" mean")));
        QVERIFY2(close(p.min, ref.value(i, 4)), qPrintable(where + QStringLiteral(" min")));
        QVERIFY2(close(p.max, ref.value(i, 5)), qPrintable(where + QStringLiteral(" max")));
        QVERIFY2(close(p.p50, ref.value(i, 6)), qPrintable(where + QStringLiteral(" p50")));
        QVERIFY2(close(p.p95, ref.value(i, 7)), qPrintable(where + QStringLiteral(" p95")));
        QVERIFY2(close(p.sum, ref.value(i, 8)), qPrintable(where + QStringLiteral(" sum")));
        QVERIFY2(close(p.rate, ref.value(i, 9)), qPrintable(where + QStringLiteral(" rate")));
        QVERIFY2(close(p.baseline, ref.value(i, 10)), qPrintable(where + QStringLiteral(" bl")));
        QVERIFY2(close(p.target, ref.value(i, 11)), qPrintable(where + QStringLiteral(" tg")));
        QVERIFY2(close(p.confidence, ref.value(i, 12)), qPrintable(where + QStringLiteral(" cf")));
    }
}

// persona_analytics_day_counts (0017) against the rows grouped by UTC day: the keys and counts
// in one and not the other (EXCEPT ALL both ways), and counts that are not positive.
const char *const kDayCountsDiff = R"SQL(
WITH counted AS (
    SELECT metric_name::text AS m, day, persona_id, metric_type, n FROM persona_analytics_day_counts),
raw AS (
    SELECT metric_name::text AS m, (recorded_at AT TIME ZONE 'UTC')::date AS day, persona_id,
           metric_type, count(*) AS n
    FROM persona_analytics GROUP BY 1, 2, 3, 4)
SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT ALL SELECT * FROM raw) a)
     + (SELECT count(*) FROM (SELECT * FROM raw EXCEPT ALL SELECT * FROM counted) b)
     + (SELECT count(*) FROM counted WHERE n <= 0)
)SQL";

QString dayCountsDiff(PgConnection &db)
{
    return db.scalar(kDayCountsDiff);
}

} // namespace

class TestMetricsQueries : public QObject
{
    Q_OBJECT

private slots:
    void bucketChooser_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("expected");
        const QDateTime t0 = at("2026-03-01T00:00:00Z");
        QTest::newRow("1h at 1600 px") << t0 << t0.addSecs(3600) << 1600 << QStringLiteral("2s");
        QTest::newRow("7d at 1600 px") << t0 << t0.addDays(7) << 1600 << QStringLiteral("5m");
        QTest::newRow("90d at 1600 px") << t0 << t0.addDays(90) << 1600 << QStringLiteral("1h");
        QTest::newRow("90d at 300 px") << t0 << t0.addDays(90) << 300 << QStringLiteral("6h");
        QTest::newRow("10y at 1600 px") << t0 << t0.addYears(10) << 1600 << QStringLiteral("1w");
        QTest::newRow("10y at 100 px") << t0 << t0.addYears(10) << 100 << QStringLiteral("1mo");
        QTest::newRow("10y at 10 px") << t0 << t0.addYears(10) << 10 << QStringLiteral("1y");
        QTest::newRow("10s at 1 px") << t0 << t0.addSecs(10) << 1 << QStringLiteral("10s");
    }

    void bucketChooser()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(int, width);
        QFETCH(QString, expected);
        const MetricsBucket b = MetricsBucketChooser::choose(from, to, width);
        QCOMPARE(b.label(), expected);
        // at most two points per pixel column, and the next finer nice size would give more
        QVERIFY(MetricsBucketChooser::bucketCount(from, to, b) <= 2 * width);
        const QList<MetricsBucket> &nice = MetricsBucket::niceSizes();
        const qsizetype i = nice.indexOf(b);
        if (i > 0 && b.label() != QLatin1String("1y"))
            QVERIFY(MetricsBucketChooser::bucketCount(from, to, nice.at(i - 1)) > 2 * width);
        // every label parses back to the same bucket
        QCOMPARE(MetricsBucket::parse(b.label()), std::optional<MetricsBucket>(b));
    }

    void bucketParse()
    {
        QCOMPARE(MetricsBucket::parse(QStringLiteral("90m"))->fixedSeconds(), 5400);
        QCOMPARE(MetricsBucket::parse(QStringLiteral("12h"))->fixedSeconds(), 43200);
        for (const char *bad : {"13h", "0s", "1.5h", "1d2", "2d", "auto", "", "1 h", "-5m"})
            QVERIFY2(!MetricsBucket::parse(QString::fromLatin1(bad)), bad);
        QCOMPARE(MetricsBucket::parse(QStringLiteral("1mo"))->truncField(),
                 QStringLiteral("month"));
    }

    void matchesReference_data()
    {
        QTest::addColumn<MetricsPanel>("panel");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("bucket"); // "" = auto
        QTest::addColumn<QString>("metric");
        struct Case
        {
            const char *zone;
            const char *from;
            const char *to;
            int width;
            const char *bucket;
        };
        const Case cases[] = {
            {"Europe/Berlin", "2026-03-27T00:00:00+01:00", "2026-04-01T00:00:00+02:00", 1600, ""},
            {"Europe/Berlin", "2026-03-27T00:00:00+01:00", "2026-04-01T00:00:00+02:00", 5, ""},
            {"Europe/Berlin", "2026-03-26T13:17:00+01:00", "2026-03-31T07:00:00+02:00", 400, "1h"},
            {"Europe/Berlin", "2026-10-22T00:00:00+02:00", "2026-10-28T00:00:00+01:00", 200, "1h"},
            {"Europe/Berlin", "2026-10-22T00:00:00+02:00", "2026-10-28T00:00:00+01:00", 40, "1d"},
            {"America/New_York", "2026-03-01T00:00:00-05:00", "2026-11-30T00:00:00-05:00", 20, ""},
            {"America/New_York", "2026-10-20T00:00:00-04:00", "2026-10-30T00:00:00-04:00", 100,
             "1w"},
            {"Asia/Kolkata", "2026-03-27T00:00:00+05:30", "2026-03-29T00:00:00+05:30", 1600, ""},
            {"Asia/Kolkata", "2026-03-26T00:00:00+05:30", "2026-04-02T00:00:00+05:30", 300, "3h"},
            {"UTC", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", 10, "1q"},
        };
        const QList<QPair<MetricsPanel, QString>> panels{
            {MetricsPanel::Persona, QString()},
            {MetricsPanel::Capability, QString()},
            {MetricsPanel::Tools, QString()},
            {MetricsPanel::Interactions, QStringLiteral("tokens")},
            {MetricsPanel::Interactions, QStringLiteral("response_time")},
            {MetricsPanel::Tokens, QStringLiteral("tokens")},
            {MetricsPanel::Tokens, QStringLiteral("cost")},
        };
        for (const auto &[panel, metric] : panels) {
            for (const Case &c : cases) {
                QString bucket = QString::fromLatin1(c.bucket);
                if (panel == MetricsPanel::Tokens && !bucket.isEmpty()
                    && MetricsBucket::parse(bucket)->nominalSeconds() < 86400)
                    continue; // daily data
                QTest::addRow("%s %s %s %s..%s %dpx %s", qPrintable(metricsPanelName(panel)),
                              qPrintable(metric), c.zone, c.from, c.to, c.width, c.bucket)
                    << panel << QString::fromLatin1(c.zone) << at(c.from) << at(c.to) << c.width
                    << bucket << metric;
            }
        }
    }

    void matchesReference()
    {
        QFETCH(MetricsPanel, panel);
        QFETCH(QString, zone);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(int, width);
        QFETCH(QString, bucket);
        QFETCH(QString, metric);
        static Fixture *fixture = new Fixture; // one database for the data-driven rows
        MetricsRequest req = request(panel, from, to, zone, width);
        if (!metric.isEmpty())
            req.metricName = metric;
        if (!bucket.isEmpty())
            req.bucket = MetricsBucket::parse(bucket);
        const MetricsResult result = MetricsQuery(fixture->connection).run(req);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(!result.noData());
        compareWithReference(fixture->db.witness(), req, result);
        // without percentiles: the same points, p50/p95 empty
        req.withPercentiles = false;
        const MetricsResult fast = MetricsQuery(fixture->connection).run(req);
        QVERIFY2(fast.ok(), qPrintable(fast.message));
        QCOMPARE(fast.series.size(), result.series.size());
        for (qsizetype i = 0; i < fast.series.size(); ++i) {
            QCOMPARE(fast.series[i].points.size(), result.series[i].points.size());
            for (qsizetype j = 0; j < fast.series[i].points.size(); ++j) {
                QCOMPARE(fast.series[i].points[j].mean, result.series[i].points[j].mean);
                QVERIFY(!fast.series[i].points[j].p95);
            }
        }
    }

    // Day buckets follow local midnight: 23 hours on 2026-03-29 and 25 on 2026-10-25 in
    // Berlin; hourly buckets keep the two 02:00 hours of the fall-back apart.
    void dstDayLengths()
    {
        Fixture f;
        QVERIFY(f.connection.exec("DELETE FROM tool_usage_records").ok());
        QVERIFY(f.connection
                    .exec("INSERT INTO tool_usage_records (tool_id, success, execution_time_ms, "
                          "recorded_at) SELECT (SELECT id FROM tool_definitions ORDER BY id LIMIT "
                          "1), true, 1, t FROM generate_series('2026-03-27 00:30+00'::timestamptz, "
                          "'2026-04-01', '1 hour') t UNION ALL SELECT (SELECT id FROM "
                          "tool_definitions ORDER BY id LIMIT 1), true, 1, t FROM "
                          "generate_series('2026-10-23 00:30+00'::timestamptz, '2026-10-28', "
                          "'1 hour') t")
                    .ok());
        MetricsRequest req
            = request(MetricsPanel::Tools, at("2026-03-28T00:00:00+01:00"),
                      at("2026-03-31T00:00:00+02:00"), QStringLiteral("Europe/Berlin"), 1600);
        req.bucket = MetricsBucket::calendar(MetricsBucket::Unit::Day);
        MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series[0].points.size(), 3);
        QCOMPARE(r.series[0].points[0].bucketStart.toString(Qt::ISODate),
                 QStringLiteral("2026-03-28T00:00:00+01:00"));
        QCOMPARE(r.series[0].points[1].bucketStart.toString(Qt::ISODate),
                 QStringLiteral("2026-03-29T00:00:00+01:00"));
        QCOMPARE(r.series[0].points[2].bucketStart.toString(Qt::ISODate),
                 QStringLiteral("2026-03-30T00:00:00+02:00"));
        QCOMPARE(r.series[0].points[0].count, 24);
        QCOMPARE(r.series[0].points[1].count, 23);
        QCOMPARE(r.series[0].points[2].count, 24);

        req.from = at("2026-10-24T00:00:00+02:00");
        req.to = at("2026-10-27T00:00:00+01:00");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.series[0].points.size(), 3);
        QCOMPARE(r.series[0].points[1].bucketStart.toString(Qt::ISODate),
                 QStringLiteral("2026-10-25T00:00:00+02:00"));
        QCOMPARE(r.series[0].points[1].count, 25);
        QCOMPARE(r.series[0].points[2].bucketStart.toString(Qt::ISODate),
                 QStringLiteral("2026-10-26T00:00:00+01:00"));

        req.bucket = MetricsBucket::seconds(3600);
        req.from = at("2026-10-25T01:00:00+02:00");
        req.to = at("2026-10-25T04:00:00+01:00");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QStringList starts;
        for (const MetricsPoint &p : r.series[0].points)
            starts << p.bucketStart.toString(Qt::ISODate);
        QCOMPARE(starts,
                 (QStringList{QStringLiteral("2026-10-25T01:00:00+02:00"),
                              QStringLiteral("2026-10-25T02:00:00+02:00"),
                              QStringLiteral("2026-10-25T02:00:00+01:00"),
                              QStringLiteral("2026-10-25T03:00:00+01:00")}));
    }

    void topNAndPreviousPeriod()
    {
        Fixture f;
        MetricsRequest req = request(MetricsPanel::Persona, at("2026-10-22T00:00:00Z"),
                                     at("2026-10-28T00:00:00Z"), QStringLiteral("UTC"), 800);
        req.topN = 1;
        req.previousPeriod = true;
        const MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.series.size(), 1);
        const QString top = f.db.scalar(
            "SELECT persona_id::text FROM persona_analytics WHERE metric_name = 'test_metric' AND "
            "recorded_at >= '2026-10-22Z' AND recorded_at < '2026-10-28Z' GROUP BY persona_id "
            "ORDER BY count(*) DESC, persona_id::text COLLATE \"C\" LIMIT 1");
        QCOMPARE(r.series[0].key, top);
        QCOMPARE(r.series[0].label, f.db.scalar("SELECT name FROM personas WHERE id = $1", {top}));
        QCOMPARE(r.series[0].volume,
                 f.db.scalar("SELECT count(*) FROM persona_analytics WHERE metric_name = "
                             "'test_metric' AND persona_id = $1 AND recorded_at >= '2026-10-22Z' "
                             "AND recorded_at < '2026-10-28Z'",
                             {top})
                     .toLongLong());
        // previous period: 2026-10-16 .. 10-22, same series; the fixture has rows from 10-21
        QCOMPARE(r.previous.size(), 1);
        QCOMPARE(r.previous[0].key, top);
        QCOMPARE(r.previousOffsetMs, qint64(6) * 86400 * 1000);
        QVERIFY(!r.previous[0].points.isEmpty());
        for (const MetricsPoint &p : r.previous[0].points) {
            QVERIFY(p.bucketStart >= at("2026-10-21T00:00:00Z"));
            QVERIFY(p.bucketStart < at("2026-10-22T00:00:00Z"));
        }
        // ids instead of top N: exactly those, in that order, even without rows
        req.topN = 10;
        req.previousPeriod = false;
        const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
        req.ids = {other, top};
        const MetricsResult byId = MetricsQuery(f.connection).run(req);
        QVERIFY2(byId.ok(), qPrintable(byId.message));
        QCOMPARE(byId.series.size(), 2);
        QCOMPARE(byId.series[0].key, other);
        QVERIFY(byId.series[0].points.isEmpty());
        QCOMPARE(byId.series[1].key, top);
        QCOMPARE(byId.series[1].points.size(), r.series[0].points.size());
    }

    // The day counts of 0017 stay exact through every kind of write to persona_analytics:
    // COPY (the demo load) and INSERT ... SELECT (the fixture), updates of the value, of the
    // time across UTC days, of the metric name and of the persona, deletes (a count that
    // reaches zero is removed), inserts of several rows of one key, a rolled-back
    // transaction, a cascaded delete and TRUNCATE.
    void dayCountsStayExact()
    {
        Fixture f;
        QVERIFY(f.db.scalar("SELECT count(*) FROM persona_analytics_day_counts").toLongLong() > 0);
        QCOMPARE(dayCountsDiff(f.db.witness()), QStringLiteral("0"));
        const char *const steps[] = {
            "UPDATE persona_analytics SET metric_value = metric_value + 1 WHERE recorded_at < "
            "'2026-03-29Z'",
            "UPDATE persona_analytics SET recorded_at = recorded_at + interval '13 hours' WHERE "
            "metric_name = 'test_metric' AND extract(minute FROM recorded_at)::int % 3 = 0",
            "UPDATE persona_analytics SET recorded_at = recorded_at - interval '40 days' WHERE "
            "metric_name = 'test_metric' AND extract(minute FROM recorded_at)::int % 7 = 1",
            "UPDATE persona_analytics SET metric_name = 'moved \"ü\"' WHERE metric_name = "
            "'test_metric' AND extract(minute FROM recorded_at)::int % 5 = 2",
            "UPDATE persona_analytics SET persona_id = (SELECT id FROM personas ORDER BY id DESC "
            "LIMIT 1), metric_type = 'usage' WHERE metric_name = 'test_metric' AND "
            "extract(minute FROM recorded_at)::int % 4 = 3",
            "DELETE FROM persona_analytics WHERE metric_name = 'test_metric' AND recorded_at >= "
            "'2026-10-23Z' AND recorded_at < '2026-10-24Z'",
            "DELETE FROM persona_analytics WHERE extract(minute FROM recorded_at)::int % 9 = 4",
            "INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, "
            "recorded_at) SELECT p.id, 'engagement', 'test_metric', g, '2026-10-25 23:59:59Z' "
            "FROM (SELECT id FROM personas ORDER BY id LIMIT 2) p, generate_series(1, 5) g",
            "BEGIN; DELETE FROM persona_analytics WHERE metric_name = 'test_metric'; "
            "UPDATE persona_analytics SET recorded_at = recorded_at + interval '1 day'; ROLLBACK",
            "DELETE FROM personas WHERE id = (SELECT persona_id FROM persona_analytics "
            "WHERE metric_name = 'test_metric' ORDER BY persona_id LIMIT 1) "
            "AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.persona_id = personas.id) "
            "AND NOT EXISTS (SELECT 1 FROM discussion_participants d WHERE d.persona_id = "
            "personas.id)",
        };
        for (const char *step : steps) {
            const PgResult r = f.db.witness().exec(step);
            QVERIFY2(r.ok(), qPrintable(r.error().toString() + QStringLiteral(": ") + step));
            QVERIFY2(dayCountsDiff(f.db.witness()) == QLatin1String("0"), step);
        }
        // the deleted day is gone from the counts, not left at zero
        QCOMPARE(f.db.scalar("SELECT count(*) FROM persona_analytics_day_counts WHERE "
                             "metric_name = 'test_metric' AND day = '2026-10-23'"),
                 QStringLiteral("0"));
        QVERIFY(f.db.witness().exec("TRUNCATE persona_analytics").ok());
        QCOMPARE(f.db.scalar("SELECT count(*) FROM persona_analytics_day_counts"),
                 QStringLiteral("0"));
        QVERIFY(f.db.witness()
                    .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at) SELECT p.id, 'usage', 'after truncate', 1, "
                          "'2026-05-01 12:00Z'::timestamptz + g * interval '3 hours' "
                          "FROM (SELECT id FROM personas ORDER BY id LIMIT 3) p, "
                          "generate_series(1, 40) g")
                    .ok());
        QCOMPARE(f.db.scalar("SELECT sum(n) FROM persona_analytics_day_counts"),
                 QStringLiteral("120"));
        QCOMPARE(dayCountsDiff(f.db.witness()), QStringLiteral("0"));
    }

    // The Persona panel's rank (day counts for whole UTC days, rows at the edges) equals
    // counting the rows, for ranges aligned and not aligned to UTC midnight, within one day,
    // across midnight, with offsets that are not whole hours, and with a metric type.
    void personaRankFromDayCounts_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<QString>("type");
        QTest::newRow("whole days")
            << at("2026-03-27T00:00:00Z") << at("2026-03-31T00:00:00Z") << QString();
        QTest::newRow("both edges partial")
            << at("2026-03-26T05:17:00Z") << at("2026-03-30T22:03:00Z") << QString();
        QTest::newRow("within one day, over the gap")
            << at("2026-03-28T01:00:00Z") << at("2026-03-28T20:00:00Z") << QString();
        QTest::newRow("from at midnight")
            << at("2026-10-22T00:00:00Z") << at("2026-10-25T07:30:00Z") << QString();
        QTest::newRow("to at midnight")
            << at("2026-10-21T18:00:00Z") << at("2026-10-24T00:00:00Z") << QString();
        QTest::newRow("exactly one day")
            << at("2026-10-23T00:00:00Z") << at("2026-10-24T00:00:00Z") << QString();
        QTest::newRow("across one midnight")
            << at("2026-10-23T22:00:00Z") << at("2026-10-24T02:00:00Z") << QString();
        QTest::newRow("Kathmandu offsets")
            << at("2026-03-27T05:45:00+05:45") << at("2026-10-26T12:10:00+05:45") << QString();
        QTest::newRow("with the type") << at("2026-03-26T12:00:00Z") << at("2026-10-28T12:00:00Z")
                                       << QStringLiteral("performance");
        QTest::newRow("type without rows")
            << at("2026-03-26T12:00:00Z") << at("2026-10-28T12:00:00Z") << QStringLiteral("usage");
        QTest::newRow("one microsecond past midnight")
            << at("2026-03-27T00:00:00.001Z") << at("2026-03-29T00:00:00.001Z") << QString();
    }

    void personaRankFromDayCounts()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(QString, type);
        Fixture f;
        // rows that make the ranking depend on the edges: extra rows for one persona in the
        // first and last partial day of the widest ranges
        QVERIFY(f.db.witness()
                    .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at) SELECT (SELECT id FROM personas ORDER BY id "
                          "DESC LIMIT 1), 'performance', 'test_metric', 1, t FROM "
                          "generate_series('2026-03-26 05:00Z'::timestamptz, '2026-03-26 "
                          "23:59Z', '1 minute') t")
                    .ok());
        MetricsRequest req
            = request(MetricsPanel::Persona, from, to, QStringLiteral("Asia/Kathmandu"), 800);
        req.metricType = type;
        const MetricsStatement rank = MetricsQuery::rankStatement(req, 0);
        QVERIFY(rank.sql.contains("persona_analytics_day_counts"));
        const PgResult ours = f.connection.exec(rank.sql, rank.params);
        QVERIFY2(ours.ok(), qPrintable(ours.error().toString()));
        const PgResult ref = f.db.witness().exec(
            "SELECT persona_id::text, count(*) FROM persona_analytics WHERE metric_name = "
            "'test_metric' AND recorded_at >= $1::timestamptz AND recorded_at < $2::timestamptz "
            "AND ($3::text IS NULL OR metric_type::text = $3) GROUP BY persona_id "
            "ORDER BY count(*) DESC, persona_id",
            {from.toUTC().toString(Qt::ISODateWithMs), to.toUTC().toString(Qt::ISODateWithMs),
             type.isEmpty() ? QVariant() : QVariant(type)});
        QVERIFY2(ref.ok(), qPrintable(ref.error().toString()));
        QCOMPARE(ours.rows(), ref.rows());
        if (type != QLatin1String("usage"))
            QVERIFY(ref.rows() > 0);
        for (int i = 0; i < ref.rows(); ++i) {
            QCOMPARE(ours.value(i, 0), ref.value(i, 0));
            QCOMPARE(ours.value(i, 1), ref.value(i, 1));
        }
    }

    void noDataGapsNullsSinglePoint()
    {
        Fixture f;
        // a range without rows: no data, no error
        MetricsRequest req = request(MetricsPanel::Persona, at("2025-01-01T00:00:00Z"),
                                     at("2025-01-08T00:00:00Z"), QStringLiteral("UTC"), 800);
        req.topN = 10;
        MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.noData());
        QCOMPARE(r.bucket.label(), QStringLiteral("10m")); // 7 days at 800 px

        // gap (2026-03-28 06:00-12:00 UTC): the hourly buckets there are absent, not zero
        req = request(MetricsPanel::Tools, at("2026-03-28T00:00:00Z"), at("2026-03-29T00:00:00Z"),
                      QStringLiteral("UTC"), 800);
        req.bucket = MetricsBucket::seconds(3600);
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        for (const MetricsSeries &s : r.series) {
            QCOMPARE(s.points.size(), 18);
            for (const MetricsPoint &p : s.points)
                QVERIFY(p.bucketStart.time().hour() < 6 || p.bucketStart.time().hour() >= 12);
        }

        // a bucket whose values are all NULL: counted rows, no mean/min/max
        QVERIFY(f.connection
                    .exec("INSERT INTO tool_usage_records (tool_id, success, execution_time_ms, "
                          "recorded_at) SELECT id, false, NULL, '2030-01-01 10:00+00' FROM "
                          "tool_definitions ORDER BY id LIMIT 1")
                    .ok());
        req.from = at("2030-01-01T00:00:00Z");
        req.to = at("2030-01-02T00:00:00Z");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series[0].points.size(), 1);
        const MetricsPoint p = r.series[0].points[0];
        QCOMPARE(p.count, 1);
        QVERIFY(!p.mean && !p.min && !p.max && !p.p50);
        QCOMPARE(p.rate, std::optional<double>(0.0));
        const QByteArray csv = MetricsExport::csv(req, r);
        QVERIFY2(csv.contains(",,,,,1,0\n"), csv.constData());

        // a series of a single point, and a metric name with quotes and non-ASCII text
        const QString name = QStringLiteral("it's \"quoted\"; -- ünïcødé 指标 \\ $1");
        QVERIFY(f.connection
                    .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at) SELECT id, 'usage', $1, 42.5, "
                          "'2026-05-05 05:05+00' FROM personas ORDER BY id LIMIT 1",
                          {name})
                    .ok());
        req = request(MetricsPanel::Persona, at("2026-05-01T00:00:00Z"), at("2026-05-10T00:00:00Z"),
                      QStringLiteral("Europe/Berlin"), 1600);
        req.metricName = name;
        req.metricType = QStringLiteral("usage");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series[0].points.size(), 1);
        QCOMPARE(r.series[0].points[0].mean, std::optional<double>(42.5));
        QCOMPARE(r.series[0].points[0].p95, std::optional<double>(42.5));
        QVERIFY(r.statement.params.contains(QVariant(name)));
        QVERIFY(!r.statement.sql.contains(name.toUtf8())); // bound, never spliced
        QVERIFY(r.statement.display().contains(QStringLiteral("it''s")));
        req.metricType = QStringLiteral("performance");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(r.noData());
    }

    void tenYears()
    {
        Fixture f;
        QVERIFY(f.connection
                    .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                          "metric_value, recorded_at) SELECT p.id, 'usage', 'decade', "
                          "extract(doy FROM t), t FROM generate_series('2016-01-01 "
                          "12:00+00'::timestamptz, '2025-12-31', '1 day') t, (SELECT id FROM "
                          "personas ORDER BY id LIMIT 1) p")
                    .ok());
        MetricsRequest req
            = request(MetricsPanel::Persona, at("2016-01-01T00:00:00+01:00"),
                      at("2026-01-01T00:00:00+01:00"), QStringLiteral("Europe/Berlin"), 1600);
        req.metricName = QStringLiteral("decade");
        const MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.bucket.label(), QStringLiteral("1w"));
        QCOMPARE(r.series.size(), 1);
        QVERIFY(r.series[0].points.size() <= 2 * 1600);
        QCOMPARE(r.series[0].volume, 3652); // 2016-01-01 .. 2025-12-30 at noon
        compareWithReference(f.db.witness(), req, r);
        // spikes survive: the max of the year's last day (doy 365/366) is in some week's max
        double top = 0;
        for (const MetricsPoint &p : r.series[0].points)
            top = std::max(top, p.max.value_or(0));
        QCOMPARE(top, 366.0);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("from > to") << "from>to"
                                   << "is not before to";
        QTest::newRow("from == to") << "from==to"
                                    << "is not before to";
        QTest::newRow("unknown zone") << "zone"
                                      << "unknown time zone 'Mars/Olympus_Mons'";
        QTest::newRow("width 0") << "width"
                                 << "plot width 0 px is out of range";
        QTest::newRow("no metric") << "nometric"
                                   << "needs a metric name";
        QTest::newRow("bad type") << "type"
                                  << "unknown metric type 'speed'";
        QTest::newRow("bad id") << "id"
                                << "is not a uuid";
        QTest::newRow("bucket too fine") << "bucket"
                                         << "use 5m or larger";
        QTest::newRow("tokens below a day") << "tokens1h"
                                            << "bucket 1h is below 1d";
        QTest::newRow("interactions metric") << "imetric"
                                             << "unknown metric 'cost'";
        QTest::newRow("top N negative") << "top"
                                        << "top N must be 0";
    }

    void badInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        MetricsRequest req = request(MetricsPanel::Persona, at("2026-03-01T00:00:00Z"),
                                     at("2026-03-08T00:00:00Z"), QStringLiteral("UTC"), 1600);
        if (field == u"from>to")
            std::swap(req.from, req.to);
        if (field == u"from==to")
            req.to = req.from;
        if (field == u"zone")
            req.timeZone = QStringLiteral("Mars/Olympus_Mons");
        if (field == u"width")
            req.widthPx = 0;
        if (field == u"nometric")
            req.metricName.clear();
        if (field == u"type")
            req.metricType = QStringLiteral("speed");
        if (field == u"id")
            req.ids = {QStringLiteral("x'); DROP TABLE personas; --")};
        if (field == u"bucket")
            req.bucket = MetricsBucket::seconds(60);
        if (field == u"tokens1h") {
            req.panel = MetricsPanel::Tokens;
            req.metricName.clear();
            req.bucket = MetricsBucket::seconds(3600);
        }
        if (field == u"imetric") {
            req.panel = MetricsPanel::Interactions;
            req.metricName = QStringLiteral("cost");
        }
        if (field == u"top")
            req.topN = -1;
        PgConnection none; // bad input never reaches a connection
        const MetricsResult r = MetricsQuery(none).run(req);
        QCOMPARE(r.status, MetricsResult::Status::BadInput);
        QVERIFY2(r.message.contains(expected), qPrintable(r.message));
        QVERIFY(r.series.isEmpty());
        QVERIFY(!MetricsQuery::bucketFor(req).isValid());
    }

    // A query blocked behind a lock is cancelled from another thread: Status::Cancelled.
    void cancelFromAnotherThread()
    {
        Fixture f;
        PgConnection &blocker = f.db.witness();
        QVERIFY(blocker.exec("BEGIN").ok());
        QVERIFY(blocker.exec("LOCK TABLE persona_analytics IN ACCESS EXCLUSIVE MODE").ok());
        MetricsResult result;
        const MetricsRequest req = request(MetricsPanel::Persona, at("2026-03-01T00:00:00Z"),
                                           at("2026-11-01T00:00:00Z"), QStringLiteral("UTC"), 800);
        QThread *worker = QThread::create([&] { result = MetricsQuery(f.connection).run(req); });
        worker->start();
        // wait until the query waits for the lock, then cancel it
        QTRY_COMPARE_WITH_TIMEOUT(
            f.db.scalar("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND pid = $1",
                        {QString::number(f.connection.backendPid())}),
            QStringLiteral("1"), 10000);
        QString error;
        QVERIFY2(f.connection.cancel(&error), qPrintable(error));
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(blocker.exec("ROLLBACK").ok());
        QCOMPARE(result.status, MetricsResult::Status::Cancelled);
        QVERIFY2(result.message.contains(QStringLiteral("cancelled")), qPrintable(result.message));
        // the connection stays usable
        const MetricsResult again = MetricsQuery(f.connection).run(req);
        QVERIFY2(again.ok(), qPrintable(again.message));
        QVERIFY(!again.noData());
    }

    void catalog()
    {
        Fixture f;
        MetricsCatalog catalog(f.connection);
        const MetricsCatalog::Choices persona = catalog.choices(MetricsPanel::Persona);
        QVERIFY(persona.ok());
        const auto it = std::find_if(
            persona.choices.cbegin(), persona.choices.cend(),
            [](const MetricsChoice &c) { return c.name == QLatin1String("test_metric"); });
        QVERIFY(it != persona.choices.cend());
        QCOMPARE(it->type, QStringLiteral("performance"));
        QCOMPARE(it->rows, f.db.scalar("SELECT count(*) FROM persona_analytics").toLongLong());
        QCOMPARE(catalog.choices(MetricsPanel::Tokens).choices.size(), 2);

        MetricsRequest req = request(MetricsPanel::Tokens, at("2026-03-01T00:00:00Z"),
                                     at("2026-12-01T00:00:00Z"), QStringLiteral("UTC"), 800);
        const MetricsCatalog::SeriesList list = catalog.series(req);
        QVERIFY2(list.ok(), qPrintable(list.message));
        QCOMPARE(list.series.size(), 4); // 2 models x (Org A, unattributed)
        QStringList labels;
        for (const MetricsSeries &s : list.series)
            labels << s.label;
        QVERIFY2(labels.contains(QStringLiteral("model, \"b\" ü · Org \"A\", Ltd")),
                 qPrintable(labels.join(u'\n')));
        QVERIFY(labels.contains(QStringLiteral("model-a · unattributed")));
    }
};

QTEST_GUILESS_MAIN(TestMetricsQueries)
#include "tst_metricsqueries.moc"
