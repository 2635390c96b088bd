#pragma once
// Shared by the Analytics view tests (tst_analyticsview, tst_analyticsviewbuckets): the
// controlled rows, the database holding them, waiting for the view, comparing with the server.
#include "analytics/analyticschart.h"
#include "analytics/analyticspanel.h"
#include "analytics/analyticsview.h"
#include "analytics/metricsmeasure.h"
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "metrics/metricsquery.h"
#include "metricsdatabase.h"

#include <QApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

#include <functional>
#include <memory>

namespace uaip::test::analytics {

// Controlled rows from 2026-03-02 to 03-09 (UTC) for three personas and two tools, every 10
// minutes, a spike every 40th row; the other metric tables are empty.
inline const char *const kFixture = R"SQL(
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

inline QDateTime at(const char *iso)
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
inline bool refreshed(AnalyticsView &view, const std::function<void()> &fn)
{
    QSignalSpy spy(&view, &AnalyticsView::refreshFinished);
    fn();
    return spy.wait(60000) || spy.count() > 0;
}

// The server's series of key in result (nullptr if none).
inline const MetricsSeries *seriesOf(const MetricsResult &result, const QString &key)
{
    for (const MetricsSeries &s : result.series)
        if (s.key == key)
            return &s;
    return nullptr;
}

// The drawn lines of a panel equal the server's series for the same request; the panel lists
// them by label, then key (the server by volume).
inline void compareWithServer(PgConnection &witness, AnalyticsPanel *panel)
{
    QVERIFY(panel->hasResult());
    const MetricsResult server = MetricsQuery(witness).run(panel->lastRequest());
    QVERIFY2(server.ok(), qPrintable(server.error.toString()));
    const auto &lines = panel->chart()->drawnLines();
    QCOMPARE(lines.size(), server.series.size());
    for (int i = 0; i < lines.size(); ++i) {
        const MetricsSeries &drawn = panel->lastResult().series.at(i);
        if (i > 0) {
            const MetricsSeries &before = panel->lastResult().series.at(i - 1);
            const int c = QString::localeAwareCompare(before.label, drawn.label);
            QVERIFY(c < 0 || (c == 0 && before.key < drawn.key));
        }
        const MetricsSeries *s = seriesOf(server, drawn.key);
        QVERIFY2(s, qPrintable(drawn.key));
        const QList<MetricsPoint> &points = s->points;
        QCOMPARE(lines.at(i).size(), points.size());
        for (int j = 0; j < points.size(); ++j) {
            QCOMPARE(qint64(lines.at(i).at(j).x()), points.at(j).startMs);
            const auto v = MetricsMeasure::drawn(points.at(j), panel->measure().value,
                                                 panel->lastRequest().aggregation);
            QVERIFY(v.has_value());
            QCOMPARE(lines.at(i).at(j).y(), *v);
        }
    }
    QCOMPARE(panel->legend()->rowCount(), int(lines.size()));
    QCOMPARE(panel->bucketLabel()->text(), QStringLiteral("bucket ") + server.bucket.label());
}

inline QPoint onViewport(AnalyticsChart *chart, const QPointF &value)
{
    const QPointF item = chart->positionOf(value);
    return chart->mapFromScene(chart->chart()->mapToScene(item));
}

inline void sendMouse(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

inline QDateTime kWeekFrom()
{
    return at("2026-03-02T00:00:00Z");
}
inline QDateTime kWeekTo()
{
    return at("2026-03-09T00:00:00Z");
}

// A shown view on the fixture, drawn for the fixture's week.
inline std::unique_ptr<AnalyticsView> openView(Fixture &f)
{
    auto view = std::make_unique<AnalyticsView>();
    view->resize(1400, 1200);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    if (!refreshed(*view, [&] { view->setTarget(f.spec()); }))
        return nullptr;
    if (!refreshed(*view, [&] { view->setRange(kWeekFrom(), kWeekTo()); }))
        return nullptr;
    return view;
}

// Test-mode settings (the zone setting stays out of ~/.config) under a name of each test
// program's own (its executable's): CTest runs the Analytics test programs side by side, and
// one's init() removing the zone setting must not reach the other's check that it was kept.
inline void setUpAnalyticsTest()
{
    qRegisterMetaType<QList<ColumnFilter>>();
    qRegisterMetaType<uaip::Job *>();
    QStandardPaths::setTestModeEnabled(true); // the zone setting stays out of ~/.config
    QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
    // applicationName() is the executable's name until set
    QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-")
                                         + QCoreApplication::applicationName());
}

} // namespace uaip::test::analytics
