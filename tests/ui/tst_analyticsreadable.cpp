// Issue 21 points 7 and 8, against the real sandbox: the legend's Min / Max / Mean / Last are
// the statistics of the raw rows in the range (the same numbers as a direct aggregate, at
// every width and bucket), daily data is bucketed by day (a line, not dots) unless zoomed in,
// at most six series are drawn by default (the others unchecked in the legend), numbers read
// as 85.4k / 1.2M in the locale (never 8e+05), Export PNG renders the chart at the size asked
// for with title, range and the whole legend, the preset follows zoom and Back, and
// maximise / restore gives the columns their equal widths back.
#include "analytics/analyticspngexport.h"
#include "analytics/compactnumber.h"
#include "analyticsviewtestutil.h"

#include <QComboBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>

#include <cmath>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::analytics;

namespace {

// The analytics fixture plus: a daily metric (one row a day per persona at 09:00 and a few
// minutes, 90 days) and ten interaction models with large token counts (hourly, one week).
const char *const kMore = R"SQL(
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'usage', 'daily_metric', 100 + (d.n * 7) % 50 + p.i,
       d.t + interval '9 hours' + (d.n % 5) * interval '3 minutes'
FROM (SELECT t, row_number() OVER (ORDER BY t) AS n
      FROM generate_series('2025-12-09 00:00+00'::timestamptz, '2026-03-08 00:00+00', '1 day') t) d
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 3) p;
INSERT INTO ai_interactions (session_id, user_input, model_used, tokens_used, response_time_ms, success, created_at)
SELECT (SELECT id FROM ai_sessions ORDER BY id LIMIT 1), 'q', 'model-' || lpad(m::text, 2, '0'),
       700000 + (k.n * 997) % 100000 + m * 5000, 100, k.n % 9 <> 0, k.t
FROM (SELECT t, row_number() OVER (ORDER BY t) AS n
      FROM generate_series('2026-03-02 00:00+00'::timestamptz, '2026-03-08 23:00+00', '1 hour') t) k
CROSS JOIN generate_series(1, 10) m;
)SQL";

// The direct aggregate of the Persona panel's raw rows: key -> {min, max, mean, last}.
QHash<QString, QList<double>> directStats(PgConnection &c, const QString &metric,
                                          const QDateTime &from, const QDateTime &to)
{
    const PgResult r = c.exec(
        "SELECT persona_id::text, min(metric_value)::float8, max(metric_value)::float8, "
        "avg(metric_value)::float8, "
        "(array_agg(metric_value ORDER BY recorded_at DESC))[1]::float8 "
        "FROM persona_analytics WHERE metric_name = $1 AND recorded_at >= $2 "
        "AND recorded_at < $3 GROUP BY 1",
        {metric, from.toUTC().toString(Qt::ISODateWithMs), to.toUTC().toString(Qt::ISODateWithMs)});
    QHash<QString, QList<double>> stats;
    for (int i = 0; i < r.rows(); ++i)
        stats.insert(r.value(i, 0),
                     {r.value(i, 1).toDouble(), r.value(i, 2).toDouble(), r.value(i, 3).toDouble(),
                      r.value(i, 4).toDouble()});
    return stats;
}

void chooseMeasure(AnalyticsView &view, AnalyticsPanel *panel, const QString &name)
{
    for (int i = 0; i < panel->measureBox()->count(); ++i)
        if (panel->measureBox()->itemText(i).startsWith(name)) {
            if (panel->measureBox()->currentIndex() == i)
                return; // shown already
            QVERIFY(refreshed(view, [&] { panel->measureBox()->setCurrentIndex(i); }));
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no measure %1").arg(name)));
}

} // namespace

class TestAnalyticsReadable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpAnalyticsTest(); }
    void init() { QSettings().remove(QStringLiteral("analytics/timeZone")); }

    // Point 7: the same numbers as psql on the dashboard, maximised and at another range's
    // buckets; the header says what they are of.
    void legendIsOfTheRawRows()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kMore).ok());
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        chooseMeasure(*view, persona, QStringLiteral("test_metric"));
        // Two months around the fixture's week: buckets of hours, many rows each.
        const QDateTime from = at("2026-01-10T00:00:00Z"), to = at("2026-03-10T00:00:00Z");
        QVERIFY(refreshed(*view, [&] { view->setRange(from, to); }));
        QVERIFY2(persona->legendCaption()->text().contains(QStringLiteral("raw rows")),
                 qPrintable(persona->legendCaption()->text()));
        const QHash<QString, QList<double>> direct
            = directStats(f.db.witness(), QStringLiteral("test_metric"), from, to);
        QCOMPARE(direct.size(), 3);
        QStringList seen;
        auto check = [&] {
            const MetricsResult &result = persona->lastResult();
            QCOMPARE(persona->legend()->rowCount(), int(result.series.size()));
            for (int row = 0; row < persona->legend()->rowCount(); ++row) {
                const QString key = result.series.at(row).key;
                QVERIFY(direct.contains(key));
                for (int c = 0; c < 4; ++c)
                    QCOMPARE(persona->legend()->item(row, c + 1)->text(),
                             CompactNumber::format(direct.value(key).at(c)));
            }
            seen << result.bucket.label();
        };
        check();
        QVERIFY(refreshed(*view, [&] { persona->maximiseButton()->click(); }));
        QVERIFY2(persona->lastRequest().widthPx > 1000,
                 qPrintable(QString::number(persona->lastRequest().widthPx)));
        check();
        QVERIFY(refreshed(*view, [&] { persona->maximiseButton()->click(); }));
        // A zoom into the week: other buckets, the week's raw rows.
        const QDateTime zf = at("2026-03-03T00:00:00Z"), zt = at("2026-03-05T00:00:00Z");
        QVERIFY(refreshed(*view, [&] { emit persona->zoomRequested(zf, zt); }));
        const QHash<QString, QList<double>> zoomed
            = directStats(f.db.witness(), QStringLiteral("test_metric"), zf, zt);
        for (int row = 0; row < persona->legend()->rowCount(); ++row)
            QCOMPARE(persona->legend()->item(row, 3)->text(),
                     CompactNumber::format(
                         zoomed.value(persona->lastResult().series.at(row).key).at(2)));
        QVERIFY2(seen.size() == 2 && seen.at(0) != seen.at(1), qPrintable(seen.join(u',')));
    }

    // Point 8: daily data in day buckets (no gaps: one line) over 90 days; zoomed in, the
    // width alone decides.
    void dailyDataIsDrawnAsALine()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kMore).ok());
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        chooseMeasure(*view, persona, QStringLiteral("daily_metric"));
        QVERIFY(refreshed(*view, [&] {
            view->setRange(at("2025-12-09T00:00:00Z"), at("2026-03-09T00:00:00Z"));
        }));
        const MetricsRequest &request = persona->lastRequest();
        QVERIFY(request.bucketAtLeastSampling);
        QVERIFY2(MetricsQuery::bucketFor(request).nominalSeconds() < 86400,
                 qPrintable(MetricsQuery::bucketFor(request).label())); // the width alone
        QCOMPARE(persona->lastResult().bucket.label(), QStringLiteral("1d"));
        QVERIFY(persona->lastResult().bucketFromSampling);
        QCOMPARE(persona->chart()->drawnLines().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(persona->chart()->drawnLines().at(i).size() >= 89);
            QVERIFY2(persona->chart()->drawnBreaks().at(i).isEmpty(),
                     qPrintable(QString::number(persona->chart()->drawnBreaks().at(i).size())));
        }
        compareWithServer(f.db.witness(), persona);
        // Zoomed into three days: hours, as the width asks.
        QVERIFY(refreshed(*view, [&] {
            emit persona->zoomRequested(at("2026-03-01T00:00:00Z"), at("2026-03-04T00:00:00Z"));
        }));
        QVERIFY(!persona->lastRequest().bucketAtLeastSampling);
        QVERIFY(persona->lastResult().bucket.nominalSeconds() < 86400);
    }

    // Point 8: ten series, six drawn; a legend check box draws another one.
    void sixSeriesDrawnTheRestInTheLegend()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kMore).ok());
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *ai = view->panel(MetricsPanel::Interactions);
        QVERIFY(ai->showsChart());
        QCOMPARE(ai->lastResult().series.size(), 10);
        QCOMPARE(ai->legend()->rowCount(), 10);
        const auto &lines = ai->chart()->drawnLines();
        for (int i = 0; i < 10; ++i) {
            const bool drawn = i < AnalyticsPanel::kDrawnSeries;
            QCOMPARE(ai->legend()->item(i, 0)->checkState(), drawn ? Qt::Checked : Qt::Unchecked);
            QCOMPARE(lines.at(i).isEmpty(), !drawn);
            QVERIFY(!ai->legend()->item(i, 3)->text().isEmpty()); // statistics of every series
        }
        ai->legend()->item(8, 0)->setCheckState(Qt::Checked);
        QVERIFY(!ai->chart()->drawnLines().at(8).isEmpty());
        ai->legend()->item(0, 0)->setCheckState(Qt::Unchecked);
        QVERIFY(ai->chart()->drawnLines().at(0).isEmpty());
        // kept across a new range of the same measurement
        QVERIFY(refreshed(*view, [&] { view->setRange(kWeekFrom().addDays(1), kWeekTo()); }));
        QVERIFY(!ai->chart()->drawnLines().at(8).isEmpty());
        QVERIFY(ai->chart()->drawnLines().at(0).isEmpty());
    }

    // Point 8: k / M, the locale's decimal separator, never an exponent.
    void numbersAreReadable()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(CompactNumber::format(85402, en), QStringLiteral("85.4k"));
        QCOMPARE(CompactNumber::format(673310, en), QStringLiteral("673.3k"));
        QCOMPARE(CompactNumber::format(800000, en), QStringLiteral("800k"));
        QCOMPARE(CompactNumber::format(1234567, en), QStringLiteral("1.235M"));
        QCOMPARE(CompactNumber::format(44.232, en), QStringLiteral("44.23"));
        QCOMPARE(CompactNumber::format(1234, en), QStringLiteral("1,234"));
        QCOMPARE(CompactNumber::format(0.000123, en), QStringLiteral("0.000123"));
        QCOMPARE(CompactNumber::format(-2.5e9, en), QStringLiteral("-2.5G"));
        QCOMPARE(CompactNumber::format(44.232, de), QStringLiteral("44,23"));
        QCOMPARE(CompactNumber::format(85402, de), QStringLiteral("85,4k"));
        QCOMPARE(CompactNumber::tick(600000, 200000, 800000, en), QStringLiteral("600k"));
        QCOMPARE(CompactNumber::tick(1500000, 250000, 2000000, en), QStringLiteral("1.5M"));
        QCOMPARE(CompactNumber::tick(1.5, 0.5, 2, de), QStringLiteral("1,5"));

        Fixture f;
        QVERIFY(f.db.witness().execScript(kMore).ok());
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *ai = view->panel(MetricsPanel::Interactions);
        QVERIFY(ai->showsChart());
        const QStringList labels = ai->chart()->valueLabels();
        QVERIFY(labels.size() >= 2);
        for (const QString &label : labels) {
            QVERIFY2(!label.contains(u'e'), qPrintable(labels.join(u' ')));
            QVERIFY2(label.trimmed().endsWith(u'k') || label.trimmed() == u'0',
                     qPrintable(labels.join(u' ')));
        }
        for (int row = 0; row < ai->legend()->rowCount(); ++row)
            for (int c = 1; c <= 4; ++c) {
                const QString text = ai->legend()->item(row, c)->text();
                QVERIFY2(text.endsWith(u'k') && !text.contains(u'e'), qPrintable(text));
            }
    }

    // Point 8: the PNG is the chart at the size asked for, with title, range and every
    // legend row; not a grab of the panel.
    void pngIsTheChartWithTitleRangeAndLegend()
    {
        Fixture f;
        QVERIFY(f.db.witness().execScript(kMore).ok());
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *ai = view->panel(MetricsPanel::Interactions);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ai.png"));
        const Status wide = ai->exportPng(path, QSize(1600, 900));
        QVERIFY2(wide, qPrintable(wide.error().toString()));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1600, 900));
        QVERIFY(image.size() != ai->grab().size());
        // A picture too short for the whole legend grows; its width stays.
        const Status tallWritten = ai->exportPng(path, QSize(800, 300));
        QVERIFY2(tallWritten, qPrintable(tallWritten.error().toString()));
        const QImage tall(path);
        QCOMPARE(tall.width(), 800);
        const int rows = 11 * (QFontMetrics(QApplication::font()).height() + 4);
        QVERIFY2(
            tall.height() > 300 && tall.height() > rows + 120,
            qPrintable(QStringLiteral("%1 px for %2 px of rows").arg(tall.height()).arg(rows)));
        // The text drawn: every series (drawn or not), the title, the range.
        const AnalyticsPngExport::Content content = ai->pngContent();
        QCOMPARE(content.rows.size(), 10);
        QVERIFY(content.title.startsWith(ai->title()));
        QVERIFY2(content.range.contains(QStringLiteral("2026")), qPrintable(content.range));
        QVERIFY2(content.range.contains(ai->lastResult().bucket.label()),
                 qPrintable(content.range));
        QVERIFY(content.rows.at(9).label.contains(QStringLiteral("not drawn")));
        QCOMPARE(content.rows.at(0).cells.at(2), ai->legend()->item(0, 3)->text());
        // Two colours of the chart's series are in the picture (the chart itself, drawn).
        auto hasColour = [&image](const QColor &c) {
            for (int y = 0; y < image.height(); y += 1)
                for (int x = 0; x < image.width(); x += 1)
                    if (image.pixel(x, y) == c.rgb())
                        return true;
            return false;
        };
        QVERIFY(hasColour(ai->chart()->colorOf(0)));
        QVERIFY(hasColour(ai->chart()->colorOf(5)));
    }

    // Point 8: a zoom says Custom, Back to the preset's range says the preset again.
    void presetFollowsZoomAndBack()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        QVERIFY(refreshed(*view, [&] { view->choosePreset(AnalyticsView::Last30Days); }));
        QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Last30Days));
        const QDateTime from = view->from(), to = view->to();
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QVERIFY(refreshed(*view, [&] { emit persona->zoomRequested(from.addDays(10), to); }));
        QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Custom));
        QVERIFY(view->isZoomed());
        QVERIFY(refreshed(*view, [&] { QVERIFY(view->back()); }));
        QCOMPARE(view->from(), from);
        QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Last30Days));
        QVERIFY(!view->isZoomed());
        // back across two zooms, then the preset
        QVERIFY(refreshed(*view, [&] { emit persona->zoomRequested(from.addDays(10), to); }));
        QVERIFY(refreshed(*view, [&] { emit persona->zoomRequested(from.addDays(20), to); }));
        QVERIFY(refreshed(*view, [&] { QVERIFY(view->back()); }));
        QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Custom));
        QVERIFY(refreshed(*view, [&] { QVERIFY(view->back()); }));
        QCOMPARE(view->presetBox()->currentIndex(), int(AnalyticsView::Last30Days));
    }

    // Point 8: maximise and restore: both columns equally wide again.
    void maximiseAndRestoreKeepTheColumnsEqual()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        AnalyticsPanel *capability = view->panel(MetricsPanel::Capability);
        AnalyticsPanel *tools = view->panel(MetricsPanel::Tools);
        auto equal = [&] {
            return std::abs(persona->width() - capability->width()) <= 2
                && std::abs(tools->width() - capability->width()) <= 2;
        };
        QVERIFY2(
            equal(),
            qPrintable(QStringLiteral("%1 / %2").arg(persona->width()).arg(capability->width())));
        for (AnalyticsPanel *p : {persona, capability, tools}) {
            QVERIFY(refreshed(*view, [&] { p->maximiseButton()->click(); }));
            QTRY_VERIFY(!capability->isVisible() || !persona->isVisible());
            QVERIFY(refreshed(*view, [&] { p->maximiseButton()->click(); }));
            QTRY_VERIFY(persona->isVisible() && capability->isVisible());
            QCoreApplication::processEvents();
            QVERIFY2(equal(),
                     qPrintable(QStringLiteral("after %1: %2 / %3")
                                    .arg(p->title())
                                    .arg(persona->width())
                                    .arg(capability->width())));
        }
    }
};

QTEST_MAIN(TestAnalyticsReadable)
#include "tst_analyticsreadable.moc"
