// Issue 46 point 6, against the real sandbox: the first render after start (the view queried
// while its page was hidden, before its first layout) is the render of the same preset chosen
// again (bucket size and time ticks of the plot's real width); a series keeps its place in the
// legend and its colour across refreshes while rows arrive that reorder the series by volume;
// the top value label of every chart lies inside the chart (1024x700 and 1400x900 windows).
#include "analytics/analyticsplotitem.h"
#include "analyticsviewtestutil.h"
#include "layoutsettle.h"
#include "offscreenscreen.h"

#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QSettings>
#include <QStackedWidget>
#include <QTextDocument>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::analytics;

namespace {

constexpr int kScreenWidth = 1600;
constexpr int kScreenHeight = 1000;

// Rows of the last eight days up to now, for every panel: three personas (every 10, 20 and
// 30 minutes: three volumes), two agents, two tools, two models, daily tokens.
const char *const kRecent = R"SQL(
DELETE FROM persona_analytics;
DELETE FROM agent_capability_metrics;
DELETE FROM tool_usage_records;
DELETE FROM ai_interactions;
DELETE FROM token_consumption;
CREATE TEMP TABLE ticks AS
SELECT t, row_number() OVER (ORDER BY t) AS n
FROM generate_series(date_trunc('minute', now()) - interval '8 days', now(), '10 minutes') t;
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'performance', 'test_metric', (k.n % 37) + p.i * 20, k.t
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 3) p
WHERE k.n % p.i = 0;
INSERT INTO agent_capability_metrics (agent_id, capability_name, metric_type, metric_value,
                                      baseline_value, target_value, confidence_score, recorded_at)
SELECT a.id, 'test_cap', 'performance', (k.n % 41) * 1.5 + a.i, 20 + a.i, 40, 0.8, k.t
FROM ticks k
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM agents ORDER BY id LIMIT 2) a;
INSERT INTO tool_usage_records (tool_id, success, execution_time_ms, recorded_at)
SELECT d.id, k.n % 7 <> 0, (k.n * 37) % 1000, k.t
FROM ticks k
CROSS JOIN (SELECT id FROM tool_definitions ORDER BY id LIMIT 2) d;
INSERT INTO ai_interactions (session_id, user_input, model_used, tokens_used, response_time_ms, success, created_at)
SELECT (SELECT id FROM ai_sessions ORDER BY id LIMIT 1), 'q', m.model, 700000 + (k.n * 997) % 100000,
       (k.n * 7) % 900, k.n % 6 <> 0, k.t
FROM ticks k
CROSS JOIN (VALUES ('model-a'), ('model-b')) m(model);
INSERT INTO token_consumption (usage_date, model, organization_id, user_id, input_tokens, output_tokens, cost, request_count)
SELECT d::date, m.model, NULL, NULL, 1000 + extract(doy FROM d)::int, 50, 0.25, 1
FROM generate_series(now() - interval '8 days', now(), '1 day') d
CROSS JOIN (VALUES ('model-a'), ('model-b')) m(model);
)SQL";

class RecentFixture : public MetricsDatabase
{
public:
    RecentFixture()
        : MetricsDatabase(QStringLiteral("tst_analyticsrender"), kRecent)
    { }
    SessionSpec spec() const { return SessionSpec::from(db.profile(), QString(), "test"); }
};

// What a panel shows of its time and bucket: "bucket 1h" and the time axis' ticks.
struct Render
{
    QString bucket;
    QList<QPair<qint64, QString>> ticks;
};

Render renderOf(AnalyticsPanel *panel)
{
    return {panel->bucketLabel()->text(), panel->chart()->timeTicks()};
}

// Per series of a panel, in the legend's order: its legend text and the colour of its swatch,
// of its line in the chart and of the chart's colorOf().
QStringList seriesColours(AnalyticsPanel *panel)
{
    QStringList out;
    for (int i = 0; i < panel->legend()->rowCount(); ++i) {
        const QTableWidgetItem *item = panel->legend()->item(i, 0);
        const QImage swatch = item->icon().pixmap(8, 8).toImage();
        QString line;
        for (const AnalyticsPlotItem::Layer &layer : panel->chart()->plotItem()->layers())
            if (layer.series == i && layer.kind == AnalyticsPlotItem::Layer::Line)
                line = layer.pen.color().name();
        out.append(QStringLiteral("%1 %2 %3 %4")
                       .arg(item->text(), QColor(swatch.pixel(4, 4)).name(), line,
                            panel->chart()->colorOf(i).name()));
    }
    return out;
}

// The top value label's text box (without its document margin) in the chart's viewport; an
// empty rectangle if the chart has no such label item.
QRectF topValueLabel(AnalyticsChart *chart)
{
    const QStringList labels = chart->valueLabels();
    if (labels.isEmpty())
        return {};
    QString top = labels.last();
    top.remove(QChar(0x200B));
    for (QGraphicsItem *item : chart->scene()->items()) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible())
            continue;
        QString shown = text->toPlainText();
        shown.remove(QChar(0x200B));
        if (shown != top || text->parentItem() == nullptr)
            continue;
        const qreal margin = text->document()->documentMargin();
        const QRectF box = text->sceneBoundingRect().adjusted(margin, margin, -margin, -margin);
        return QRectF(chart->mapFromScene(box.topLeft()), chart->mapFromScene(box.bottomRight()));
    }
    return {};
}

} // namespace

class TestAnalyticsRender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpAnalyticsTest(); }
    void init() { QSettings().remove(QStringLiteral("analytics/timeZone")); }

    void firstRenderEqualsThePresetChosenAgain();
    void seriesKeepTheirPlaceAndColour();
    void topValueLabelIsInsideTheChart_data();
    void topValueLabelIsInsideTheChart();
};

void TestAnalyticsRender::firstRenderEqualsThePresetChosenAgain()
{
    RecentFixture f;
    // As in the main window: the view is a page of a stack, connected while another page is
    // shown (the start page), so its first queries run before it was ever laid out.
    QStackedWidget window;
    window.resize(1400, 900);
    window.addWidget(new QLabel(QStringLiteral("start page")));
    auto *view = new AnalyticsView;
    window.addWidget(view);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(refreshed(*view, [&] { view->setTarget(f.spec()); }));
    QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Last7Days));

    // Shown: the panels are asked again at the width they have now.
    QSignalSpy refreshes(view, &AnalyticsView::refreshFinished);
    window.setCurrentWidget(view);
    const bool asked = refreshes.wait(20000);
    QTRY_VERIFY(!view->isBusy());
    settleLayouts();
    QList<Render> first;
    for (MetricsPanel p : {MetricsPanel::Persona, MetricsPanel::Tools, MetricsPanel::Interactions})
        first.append(renderOf(view->panel(p)));

    QVERIFY(refreshed(*view, [&] { view->choosePreset(AnalyticsView::Last7Days); }));
    settleLayouts();
    int i = 0;
    for (MetricsPanel p :
         {MetricsPanel::Persona, MetricsPanel::Tools, MetricsPanel::Interactions}) {
        const Render again = renderOf(view->panel(p));
        QVERIFY(view->panel(p)->showsChart());
        QCOMPARE(first.at(i).bucket, again.bucket);
        QCOMPARE(first.at(i).ticks.size(), again.ticks.size());
        QVERIFY2(again.ticks.size() >= 3, qPrintable(QString::number(again.ticks.size())));
        ++i;
    }
    QCOMPARE(first.at(0).bucket, QStringLiteral("bucket 1h"));
    QVERIFY(asked);
}

void TestAnalyticsRender::seriesKeepTheirPlaceAndColour()
{
    RecentFixture f;
    AnalyticsView view;
    view.resize(1400, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(refreshed(view, [&] { view.setTarget(f.spec()); }));
    // A fixed range of whole minutes, two days back: the same range for both refreshes.
    QDateTime to = QDateTime::currentDateTimeUtc().addDays(-1);
    to.setTime(QTime(to.time().hour(), to.time().minute()));
    const QDateTime from = to.addDays(-2);
    QVERIFY(refreshed(view, [&] { view.setRange(from, to); }));
    AnalyticsPanel *persona = view.panel(MetricsPanel::Persona);
    QVERIFY(persona->showsChart());
    QCOMPARE(persona->legend()->rowCount(), 3);
    const QStringList before = seriesColours(persona);
    auto serverOrder = [&] {
        QStringList keys;
        for (const MetricsSeries &s :
             MetricsQuery(f.db.witness()).run(persona->lastRequest()).series)
            keys.append(s.key);
        return keys;
    };
    const QStringList rankedBefore = serverOrder();

    // Rows arrive: the smallest persona (every 30 minutes) gets four times its rows and is
    // now the largest; the server ranks the series differently.
    QVERIFY(f.db.witness()
                .exec("INSERT INTO persona_analytics (persona_id, metric_type, metric_name, "
                      "metric_value, recorded_at) SELECT persona_id, metric_type, metric_name, "
                      "metric_value, recorded_at + s * interval '1 second' "
                      "FROM persona_analytics CROSS JOIN generate_series(1, 3) s "
                      "WHERE persona_id = $1::uuid",
                      {rankedBefore.last()})
                .ok());
    QVERIFY(serverOrder() != rankedBefore);
    QCOMPARE(serverOrder().first(), rankedBefore.last());

    QVERIFY(refreshed(view, [&] { view.refresh(); }));
    QCOMPARE(seriesColours(persona), before);
    // And the same range asked once more (nothing changed): the same again.
    QVERIFY(refreshed(view, [&] { view.refresh(); }));
    QCOMPARE(seriesColours(persona), before);
}

void TestAnalyticsRender::topValueLabelIsInsideTheChart_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1400x900") << QSize(1400, 900);
}

void TestAnalyticsRender::topValueLabelIsInsideTheChart()
{
    QFETCH(QSize, size);
    RecentFixture f;
    AnalyticsView view;
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(refreshed(view, [&] { view.setTarget(f.spec()); }));
    settleLayouts();
    int charts = 0;
    for (MetricsPanel p : {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
                           MetricsPanel::Interactions, MetricsPanel::Tokens}) {
        AnalyticsPanel *panel = view.panel(p);
        if (!panel->showsChart())
            continue;
        ++charts;
        AnalyticsChart *chart = panel->chart();
        const QRectF label = topValueLabel(chart);
        const QString what
            = QStringLiteral("%1: top label %2 at %3,%4 %5x%6 in %7x%8")
                  .arg(panel->title(), chart->valueLabels().value(chart->valueLabels().size() - 1))
                  .arg(label.x())
                  .arg(label.y())
                  .arg(label.width())
                  .arg(label.height())
                  .arg(chart->viewport()->width())
                  .arg(chart->viewport()->height());
        QVERIFY2(!label.isEmpty(), qPrintable(what));
        QVERIFY2(QRectF(chart->viewport()->rect()).contains(label), qPrintable(what));
        // From the plot's geometry: the label is centred on the plot's top edge.
        const qreal half
            = QFontMetricsF(chart->chart()->axes(Qt::Vertical).first()->labelsFont()).height() / 2;
        QVERIFY2(chart->chart()->plotArea().top() - half >= 0, qPrintable(what));
    }
    QVERIFY(charts >= 4);
}

int main(int argc, char *argv[])
{
    // A 1600x1000 screen (room for a 1400x900 window), settings in a folder of our own.
    return runOnOffscreenScreen<TestAnalyticsRender>(argc, argv, kScreenWidth, kScreenHeight,
                                                     QStringLiteral("tst_analyticsrender"));
}

#include "tst_analyticsrender.moc"
