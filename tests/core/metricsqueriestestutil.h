#pragma once
// Shared by the analytics core tests (tst_metricsqueries, tst_metricsdaycounts): the controlled
// metric rows, a request for a panel over them, and the database holding them.
#include "metrics/metricsrequest.h"
#include "metricsdatabase.h"

#include <QDateTime>
#include <QString>

namespace uaip::test::metrics {

// Entities from a tiny demo load; the metric tables then hold only these controlled rows.
// Spring window 2026-03-26 .. 04-02 and autumn window 2026-10-21 .. 10-29 (UTC), a gap on
// 2026-03-28 06:00-12:00 UTC, NULL execution times and response times, a spike every 50th row.
inline const char *const kFixture = R"SQL(
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

inline QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

inline MetricsRequest request(MetricsPanel panel, const QDateTime &from, const QDateTime &to,
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

class Fixture : public MetricsDatabase
{
public:
    Fixture()
        : MetricsDatabase(QStringLiteral("tst_metricsqueries"), kFixture)
    { }
};

} // namespace uaip::test::metrics
