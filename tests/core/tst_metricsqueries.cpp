// The analytics core (app/core/metrics) against the real sandbox: every panel's series for
// several ranges, plot widths and zones (DST changes of Europe/Berlin and America/New_York,
// Asia/Kolkata's half hour) compared with an independent SQL computation on the same rows
// (bucket boundaries from generate_series in local time, rows joined by range), the bucket
// chooser, DST day lengths, top N, previous period, bad input, NULLs, gaps, a single point,
// ten years, quoted/non-ASCII metric names and cancel from another thread. The Persona
// panel's day counts are tested in tst_metricsdaycounts.
#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsexport.h"
#include "metrics/metricsquery.h"
#include "metricsqueriestestutil.h"

#include <QHash>
#include <QThread>
#include <QTimeZone>
#include <QtTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::metrics;

Q_DECLARE_METATYPE(uaip::MetricsPanel)

namespace {

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

// Compares the result's series with the reference computation, point by point.
void compareWithReference(PgConnection &witness, const MetricsRequest &req,
                          const MetricsResult &result)
{
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
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
         req.ids.isEmpty() ? QVariant() : QVariant(BoundStatement::textArray(req.ids)),
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
                  .arg(key, p.bucketStart().toString(Qt::ISODate), req.timeZone, b.label());
        QVERIFY2(p.startMs == ref.value(i, 1).toLongLong(),
                 qPrintable(where + QStringLiteral(" vs ")
                            + QDateTime::fromMSecsSinceEpoch(ref.value(i, 1).toLongLong(),
                                                             QTimeZone(req.timeZone.toUtf8()))
                                  .toString(Qt::ISODate)));
        QVERIFY2(p.bucketStart().offsetFromUtc()
                     == QTimeZone(req.timeZone.toUtf8()).offsetFromUtc(p.bucketStart()),
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

} // namespace

class TestMetricsQueries : public QObject
{
    Q_OBJECT

private slots:
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
            {"Europe/Berlin", "2026-10-22T00:00:00+02:00", "2026-10-28T00:00:00+01:00", 300, "1h"},
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
        QVERIFY2(result.ok(), qPrintable(result.error.toString()));
        QVERIFY(!result.noData());
        compareWithReference(fixture->db.witness(), req, result);
        // without percentiles: the same points, p50/p95 empty
        req.withPercentiles = false;
        const MetricsResult fast = MetricsQuery(fixture->connection).run(req);
        QVERIFY2(fast.ok(), qPrintable(fast.error.toString()));
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
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series[0].points.size(), 3);
        QCOMPARE(r.series[0].points[0].bucketStart().toString(Qt::ISODate),
                 QStringLiteral("2026-03-28T00:00:00+01:00"));
        QCOMPARE(r.series[0].points[1].bucketStart().toString(Qt::ISODate),
                 QStringLiteral("2026-03-29T00:00:00+01:00"));
        QCOMPARE(r.series[0].points[2].bucketStart().toString(Qt::ISODate),
                 QStringLiteral("2026-03-30T00:00:00+02:00"));
        QCOMPARE(r.series[0].points[0].count, 24);
        QCOMPARE(r.series[0].points[1].count, 23);
        QCOMPARE(r.series[0].points[2].count, 24);

        req.from = at("2026-10-24T00:00:00+02:00");
        req.to = at("2026-10-27T00:00:00+01:00");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.series[0].points.size(), 3);
        QCOMPARE(r.series[0].points[1].bucketStart().toString(Qt::ISODate),
                 QStringLiteral("2026-10-25T00:00:00+02:00"));
        QCOMPARE(r.series[0].points[1].count, 25);
        QCOMPARE(r.series[0].points[2].bucketStart().toString(Qt::ISODate),
                 QStringLiteral("2026-10-26T00:00:00+01:00"));

        req.bucket = MetricsBucket::seconds(3600);
        req.from = at("2026-10-25T01:00:00+02:00");
        req.to = at("2026-10-25T04:00:00+01:00");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QStringList starts;
        for (const MetricsPoint &p : r.series[0].points)
            starts << p.bucketStart().toString(Qt::ISODate);
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
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
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
            QVERIFY(p.bucketStart() >= at("2026-10-21T00:00:00Z"));
            QVERIFY(p.bucketStart() < at("2026-10-22T00:00:00Z"));
        }
        // ids instead of top N: exactly those, in that order, even without rows
        req.topN = 10;
        req.previousPeriod = false;
        const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
        req.ids = {other, top};
        const MetricsResult byId = MetricsQuery(f.connection).run(req);
        QVERIFY2(byId.ok(), qPrintable(byId.error.toString()));
        QCOMPARE(byId.series.size(), 2);
        QCOMPARE(byId.series[0].key, other);
        QVERIFY(byId.series[0].points.isEmpty());
        QCOMPARE(byId.series[1].key, top);
        QCOMPARE(byId.series[1].points.size(), r.series[0].points.size());
    }

    // A panel's reads make no round trip of their own for their transaction: BEGIN and its
    // lock_timeout go with the first statement, the ROLLBACK with the last ones (which go
    // together where they do not depend on each other). Before: 7 round trips for top N with
    // the period before (BEGIN, rank, stats, series, previous, labels, ROLLBACK), 6 with ids.
    // The guarantees stay: a lock held on a table the panel reads ends it as Locked (it never
    // joins the lock queue), and nothing stays open or set on the connection.
    void roundTripsAndGuarantees()
    {
        Fixture f;
        MetricsRequest req = request(MetricsPanel::Persona, at("2026-10-22T00:00:00Z"),
                                     at("2026-10-28T00:00:00Z"), QStringLiteral("UTC"), 800);
        req.topN = 1;
        req.previousPeriod = true;
        const QString sessionTimeout = f.connection.scalar("SHOW lock_timeout");
        quint64 before = f.connection.roundTrips();
        const MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.series.size(), 1);
        QVERIFY(r.series[0].label != r.series[0].key); // the persona's name, looked up
        QCOMPARE(r.sent.size(), 5); // rank, stats, series, previous, labels
        QCOMPARE(f.connection.roundTrips() - before, quint64(3));
        QCOMPARE(f.connection.transactionState(), PgConnection::TransactionState::Idle);
        QCOMPARE(f.connection.scalar("SHOW lock_timeout"), sessionTimeout);

        req.topN = 10;
        req.previousPeriod = false;
        req.ids = {r.series[0].key};
        before = f.connection.roundTrips();
        const MetricsResult byId = MetricsQuery(f.connection).run(req);
        QVERIFY2(byId.ok(), qPrintable(byId.error.toString()));
        QCOMPARE(byId.series[0].label, r.series[0].label);
        QCOMPARE(f.connection.roundTrips() - before, quint64(2));
        QCOMPARE(f.connection.transactionState(), PgConnection::TransactionState::Idle);

        // every series (no top N, no ids): the labels need the series' keys, then on their own
        req.ids.clear();
        req.topN = 0;
        before = f.connection.roundTrips();
        const MetricsResult all = MetricsQuery(f.connection).run(req);
        QVERIFY2(all.ok(), qPrintable(all.error.toString()));
        QVERIFY(!all.series.isEmpty());
        for (const MetricsSeries &s : all.series)
            QCOMPARE(s.label,
                     f.db.scalar("SELECT name FROM personas WHERE id::text = $1", {s.key}));
        QCOMPARE(f.connection.roundTrips() - before, quint64(3));
        QCOMPARE(f.connection.transactionState(), PgConnection::TransactionState::Idle);

        // a lock on a table the panel reads: Locked after kLockTimeout, nothing left open
        PgConnection holder;
        QVERIFY(holder.open(f.db.conninfo(), QStringLiteral("holder")));
        QVERIFY(holder.exec("BEGIN").ok());
        QVERIFY(holder.exec("LOCK TABLE persona_analytics IN ACCESS EXCLUSIVE MODE").ok());
        QVERIFY(f.connection.exec("SET statement_timeout = '20s'").ok()); // were the lock waited
        req.topN = 1;
        req.previousPeriod = true;
        const MetricsResult locked = MetricsQuery(f.connection).run(req);
        QCOMPARE(locked.error.code(), ErrorCode::Locked);
        QCOMPARE(locked.error.sqlState(), QStringLiteral("55P03"));
        QCOMPARE(f.connection.transactionState(), PgConnection::TransactionState::Idle);
        QCOMPARE(f.connection.scalar("SHOW lock_timeout"), sessionTimeout);
        QVERIFY(holder.exec("ROLLBACK").ok());
        QVERIFY(f.connection.exec("RESET statement_timeout").ok());
    }

    void noDataGapsNullsSinglePoint()
    {
        Fixture f;
        // a range without rows: no data, no error
        MetricsRequest req = request(MetricsPanel::Persona, at("2025-01-01T00:00:00Z"),
                                     at("2025-01-08T00:00:00Z"), QStringLiteral("UTC"), 800);
        req.topN = 10;
        MetricsResult r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.noData());
        QCOMPARE(r.bucket.label(), QStringLiteral("30m")); // 7 days at 800 px: <= 400 buckets

        // gap (2026-03-28 06:00-12:00 UTC): the hourly buckets there are absent, not zero
        req = request(MetricsPanel::Tools, at("2026-03-28T00:00:00Z"), at("2026-03-29T00:00:00Z"),
                      QStringLiteral("UTC"), 800);
        req.bucket = MetricsBucket::seconds(3600);
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        for (const MetricsSeries &s : r.series) {
            QCOMPARE(s.points.size(), 18);
            for (const MetricsPoint &p : s.points)
                QVERIFY(p.bucketStart().time().hour() < 6 || p.bucketStart().time().hour() >= 12);
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
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
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
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.series.size(), 1);
        QCOMPARE(r.series[0].points.size(), 1);
        QCOMPARE(r.series[0].points[0].mean, std::optional<double>(42.5));
        QCOMPARE(r.series[0].points[0].p95, std::optional<double>(42.5));
        QVERIFY(r.statement.params.contains(QVariant(name)));
        QVERIFY(!r.statement.sql.contains(name.toUtf8())); // bound, never spliced
        QVERIFY(r.statement.display().contains(QStringLiteral("it''s")));
        req.metricType = QStringLiteral("performance");
        r = MetricsQuery(f.connection).run(req);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
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
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
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

    // metrics/sql/data_extent.sql (the Analytics view's "All" range): the first and the last
    // time with rows over the five tables, a day's token counts ending with their day; both
    // NULL when every table is empty.
    void dataExtentSpansEveryTable()
    {
        Fixture f;
        QVERIFY(f.connection.exec("SET TimeZone = 'UTC'").ok()); // token_consumption's dates
        const QByteArray extent = SqlResource::of("metrics", "data_extent");
        PgResult r = f.connection.exec(extent);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.rows(), 1);
        // token_consumption: 2026-03-20 .. 11-05, wider than every other table's rows
        QCOMPARE(r.value(0, 0).toLongLong(), at("2026-03-20T00:00:00Z").toMSecsSinceEpoch());
        QCOMPARE(r.value(0, 1).toLongLong(), at("2026-11-06T00:00:00Z").toMSecsSinceEpoch());
        QVERIFY(f.connection.exec("DELETE FROM token_consumption").ok());
        r = f.connection.exec(extent);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value(0, 0).toLongLong(), at("2026-03-26T00:00:00Z").toMSecsSinceEpoch());
        for (const char *table : {"persona_analytics", "agent_capability_metrics",
                                  "tool_usage_records", "ai_interactions"})
            QVERIFY(f.connection.exec(QByteArray("DELETE FROM ") + table).ok());
        r = f.connection.exec(extent);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.rows(), 1);
        QVERIFY(r.isNull(0, 0));
        QVERIFY(r.isNull(0, 1));
    }
};

QTEST_GUILESS_MAIN(TestMetricsQueries)
#include "tst_metricsqueries.moc"
