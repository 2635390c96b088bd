// The Persona panel's day counts (migration 0017, persona_analytics_day_counts) against the real
// sandbox: they stay exact through every kind of write to persona_analytics, and the panel's
// top N ranked from them equals the ranking of the raw rows, for aligned and partial ranges.
#include "db/pgconnection.h"
#include "metrics/metricsquery.h"
#include "metricsqueriestestutil.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::metrics;

namespace {

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

class TestMetricsDayCounts : public QObject
{
    Q_OBJECT

private slots:
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
            const PgResult r = f.db.witness().execScript(step);
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
        const BoundStatement rank = MetricsQuery::rankStatement(req, 0);
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
};

QTEST_GUILESS_MAIN(TestMetricsDayCounts)
#include "tst_metricsdaycounts.moc"
