// The Analytics view (ui/analytics) against the real sandbox: a range change draws exactly
// the server's series (checked with MetricsQuery on a second connection), bad ranges are
// refused with a message, Cancel and a range change cancel the running query (held on a
// table lock), drag to zoom re-queries at a finer bucket and Back returns, the previous-
// period overlay is drawn dashed in the series' colour, a click on a point asks the Entities
// view for exactly the rows behind it, Export writes a PNG and the CSV of the drawn series,
// (missing buckets and the time zone picker: tst_analyticsviewbuckets).
#include "analytics/analyticschart.h"
#include "analytics/analyticspanel.h"
#include "analytics/analyticsplotitem.h"
#include "analytics/analyticsview.h"
#include "analytics/timezonebox.h"
#include "analyticsviewtestutil.h"
#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "jobs/job.h"
#include "metrics/metricsquery.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::analytics;

namespace {

// Counts the rows the filters select, each value bound.
qint64 rowsBehind(PgConnection &witness, const QString &table, const QList<ColumnFilter> &filters)
{
    QStringList where;
    QVariantList params;
    for (const ColumnFilter &f : filters) {
        const QString col = QString::fromUtf8(witness.quoteIdentifier(f.column));
        const QString param = QStringLiteral("$%1").arg(params.size() + 1);
        switch (f.op) {
        case ColumnFilter::Op::Equal:
            where << QStringLiteral("%1::text = %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::Greater:
            where << QStringLiteral("%1 > %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::Less:
            where << QStringLiteral("%1 < %2").arg(col, param);
            params << f.value;
            break;
        case ColumnFilter::Op::IsNull:
            where << QStringLiteral("%1 IS NULL").arg(col);
            break;
        default:
            qFatal("unexpected filter");
        }
    }
    const PgResult r = witness.exec(
        QStringLiteral("SELECT count(*) FROM %1 WHERE %2")
            .arg(QString::fromUtf8(witness.quoteIdentifier(table)), where.join(" AND "))
            .toUtf8(),
        params);
    return r.ok() ? r.value(0, 0).toLongLong() : -1;
}

// A minimal CSV reader (quoted fields with doubled quotes).
QList<QStringList> parseCsv(const QByteArray &data)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    const QString text = QString::fromUtf8(data);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else if (c != u'\r') {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestAnalyticsView : public QObject
{
    Q_OBJECT

    const QDateTime m_from = at("2026-03-02T00:00:00Z");
    const QDateTime m_to = at("2026-03-09T00:00:00Z");

private slots:
    void initTestCase() { setUpAnalyticsTest(); }

    void init() { QSettings().remove(QStringLiteral("analytics/timeZone")); }

    void rangeChangeDrawsTheServerSeries()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QVERIFY(persona->showsChart());
        QCOMPARE(persona->measure().name, QStringLiteral("test_metric"));
        compareWithServer(f.db.witness(), persona);
        QCOMPARE(persona->chart()->drawnLines().size(), 3);
        // Show SQL: the series statement as sent, with its bound parameters.
        QVERIFY(
            persona->sqlText().contains(QString::fromUtf8(persona->lastResult().statement.sql)));
        QVERIFY(persona->sqlText().contains(QStringLiteral("test_metric")));
        // Tools: p95 of the execution time by default.
        QCOMPARE(view->panel(MetricsPanel::Tools)->lastRequest().aggregation,
                 MetricsAggregation::P95);
        compareWithServer(f.db.witness(), view->panel(MetricsPanel::Tools));
        // No rows: a message, not an empty frame.
        for (MetricsPanel empty : {MetricsPanel::Interactions, MetricsPanel::Tokens}) {
            QVERIFY(!view->panel(empty)->showsChart());
            QCOMPARE(view->panel(empty)->messageLabel()->text(),
                     QStringLiteral("No data in this range."));
        }
        const QString weekBucket = persona->bucketLabel()->text();

        // One day: the width alone asks for a finer bucket, but not finer than the rows'
        // own 10 minutes (issue 21 point 8); again exactly the server's series.
        QVERIFY(refreshed(*view, [&] { view->setRange(m_from.addDays(2), m_from.addDays(3)); }));
        QCOMPARE(weekBucket, QStringLiteral("bucket 1h")); // at most one per two pixels
        QCOMPARE(persona->bucketLabel()->text(), QStringLiteral("bucket 10m"));
        QVERIFY(persona->lastResult().bucketFromSampling);
        QVERIFY(MetricsQuery::bucketFor(persona->lastRequest()).nominalSeconds()
                < MetricsQuery::bucketFor([&] {
                      MetricsRequest r = persona->lastRequest();
                      r.from = m_from;
                      r.to = m_to;
                      return r;
                  }())
                      .nominalSeconds());
        compareWithServer(f.db.witness(), persona);

        // A range with nothing in it.
        QVERIFY(refreshed(*view, [&] {
            view->setRange(at("2020-01-01T00:00:00Z"), at("2020-01-02T00:00:00Z"));
        }));
        QVERIFY(!persona->showsChart());
        QCOMPARE(persona->messageLabel()->text(), QStringLiteral("No data in this range."));

        // From after To: refused with a message naming both, nothing queried, range kept.
        QSignalSpy jobs(view.get(), &AnalyticsView::jobStarted);
        const QDateTime from = view->from(), to = view->to();
        view->fromEdit()->setDateTime(m_to);
        view->toEdit()->setDateTime(m_from);
        QTest::mouseClick(view->applyButton(), Qt::LeftButton);
        QVERIFY2(view->statusText().contains(QStringLiteral("must be before")),
                 qPrintable(view->statusText()));
        QCOMPARE(view->from(), from);
        QCOMPARE(view->to(), to);
        QCOMPARE(jobs.count(), 0);
        QVERIFY(!view->setRange(m_from, m_from));
        QCOMPARE(jobs.count(), 0);
    }

    void cancelAndRangeChangeStopTheRunningQuery()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        // Hold the persona table so its query waits on the server.
        PgConnection locker;
        QVERIFY(locker.open(f.db.conninfo(), QStringLiteral("locker")));
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec("LOCK TABLE persona_analytics IN ACCESS EXCLUSIVE MODE").ok());
        QSignalSpy jobs(view.get(), &AnalyticsView::jobStarted);
        view->setRange(m_from.addDays(1), m_to);
        QVERIFY(view->isBusy());
        QVERIFY(view->cancelButton()->isEnabled());
        QPointer<Job> first;
        for (const QList<QVariant> &args : jobs)
            if (args.at(0).value<Job *>()->title().endsWith(
                    AnalyticsPanel::titleOf(MetricsPanel::Persona)))
                first = args.at(0).value<Job *>();
        QVERIFY(first);
        // On any of the view's sessions (the pool hands each query to the first one free).
        const QByteArray waiting = "SELECT count(*) FROM pg_stat_activity "
                                   "WHERE pid = ANY ($1::int[]) AND wait_event_type = 'Lock'";
        const auto pids = [&] {
            QStringList list;
            for (int pid : view->backendPids())
                list << QString::number(pid);
            return QVariant(u'{' + list.join(u',') + u'}');
        };
        QTRY_COMPARE_WITH_TIMEOUT(f.db.scalar(waiting, {pids()}), QStringLiteral("1"), 20000);

        // A new range cancels the running query at once.
        jobs.clear();
        view->setRange(m_from, m_to);
        QVERIFY(first.isNull() || first->isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), 20000); // finished (and deleted)
        QTRY_COMPARE_WITH_TIMEOUT(f.db.scalar(waiting, {pids()}), QStringLiteral("1"),
                                  20000); // the new one waits now

        // Cancel: the panel says so, the view is idle again.
        QSignalSpy done(view.get(), &AnalyticsView::refreshFinished);
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
        QCOMPARE(view->panel(MetricsPanel::Persona)->messageLabel()->text(),
                 QStringLiteral("Cancelled."));
        QVERIFY(!view->cancelButton()->isEnabled());
        QCOMPARE(f.db.scalar(waiting, {pids()}), QStringLiteral("0"));
        QVERIFY(locker.exec("ROLLBACK").ok());

        // And the next range works on the same session.
        QVERIFY(refreshed(*view, [&] { view->setRange(m_from, m_to); }));
        compareWithServer(f.db.witness(), view->panel(MetricsPanel::Persona));
    }

    void dragZoomsAndBackReturns()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        AnalyticsChart *chart = persona->chart();
        const MetricsBucket before = persona->lastResult().bucket;
        const int widthBefore = persona->lastRequest().widthPx;
        const QRectF plot = chart->chart()->plotArea();
        const QPoint a = chart->mapFromScene(chart->chart()->mapToScene(
            QPointF(plot.left() + plot.width() * 0.25, plot.center().y())));
        const QPoint b = chart->mapFromScene(chart->chart()->mapToScene(
            QPointF(plot.left() + plot.width() * 0.75, plot.center().y())));
        QVERIFY(refreshed(*view, [&] {
            sendMouse(chart->viewport(), QEvent::MouseButtonPress, a, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseMove, (a + b) / 2, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseMove, b, Qt::LeftButton);
            sendMouse(chart->viewport(), QEvent::MouseButtonRelease, b, Qt::NoButton);
        }));
        const qint64 span = m_from.msecsTo(m_to);
        const qint64 pixel = qint64(span / plot.width()) + 1;
        QVERIFY2(std::llabs(m_from.msecsTo(view->from()) - span / 4) <= 2 * pixel,
                 qPrintable(view->from().toString(Qt::ISODate)));
        QVERIFY2(std::llabs(m_from.msecsTo(view->to()) - span * 3 / 4) <= 2 * pixel,
                 qPrintable(view->to().toString(Qt::ISODate)));
        QVERIFY(persona->lastResult().bucket.nominalSeconds() < before.nominalSeconds());
        QCOMPARE(persona->lastRequest().from, view->from());
        compareWithServer(f.db.witness(), persona);
        QVERIFY(view->backButton()->isEnabled());

        QVERIFY(refreshed(*view, [&] { QTest::mouseClick(view->backButton(), Qt::LeftButton); }));
        QCOMPARE(view->from(), m_from);
        QCOMPARE(view->to(), m_to);
        QVERIFY2(persona->lastResult().bucket == before,
                 qPrintable(QStringLiteral("%1 at %2 px, was %3 at %4 px")
                                .arg(persona->lastResult().bucket.label())
                                .arg(persona->lastRequest().widthPx)
                                .arg(before.label())
                                .arg(widthBefore)));
        // One step more: the range before the fixture's week (openView's first), then no more.
        QVERIFY(refreshed(*view, [&] { QVERIFY(view->back()); }));
        QVERIFY(view->from() != m_from);
        QVERIFY(!view->backButton()->isEnabled());
        QVERIFY(!view->back());
    }

    void previousPeriodOverlayIsDashedInTheSeriesColour()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        // The second half of the week; the previous period is the first half.
        const QDateTime mid = m_from.addSecs(m_from.secsTo(m_to) / 2);
        QVERIFY(refreshed(*view, [&] { view->setRange(mid, m_to); }));
        AnalyticsPanel *persona = view->panel(MetricsPanel::Persona);
        QVERIFY(persona->chart()->drawnPrevious().value(0).isEmpty());
        QVERIFY(refreshed(*view, [&] { persona->previousBox()->setChecked(true); }));
        const MetricsResult server = MetricsQuery(f.db.witness()).run(persona->lastRequest());
        QVERIFY(server.ok());
        QCOMPARE(server.previousOffsetMs, m_from.msecsTo(mid));
        const auto &previous = persona->chart()->drawnPrevious();
        QCOMPARE(previous.size(), server.series.size());
        for (int i = 0; i < previous.size(); ++i) {
            const MetricsSeries *s = nullptr;
            for (const MetricsSeries &p : server.previous)
                if (p.key == persona->lastResult().series.at(i).key)
                    s = &p;
            QVERIFY(s);
            QCOMPARE(previous.at(i).size(), s->points.size());
            QVERIFY(!previous.at(i).isEmpty());
            for (int j = 0; j < s->points.size(); ++j) {
                const double x = double(s->points.at(j).startMs + server.previousOffsetMs);
                QCOMPARE(previous.at(i).at(j).x(), x);
                QCOMPARE(previous.at(i).at(j).y(), *s->points.at(j).mean);
                QVERIFY(x >= double(mid.toMSecsSinceEpoch()) - 1);
            }
            // Drawn dashed, in the colour of the series' solid line.
            using Layer = AnalyticsPlotItem::Layer;
            bool dashed = false;
            int solid = 0;
            for (const Layer &layer : persona->chart()->plotItem()->layers()) {
                if (layer.series != i)
                    continue;
                if (layer.kind == Layer::Previous && layer.pen.style() == Qt::DashLine
                    && layer.pen.color() == persona->chart()->colorOf(i)
                    && layer.points == QPolygonF(previous.at(i)))
                    dashed = true;
                if (layer.kind == Layer::Line && layer.pen.style() == Qt::SolidLine
                    && layer.pen.color() == persona->chart()->colorOf(i))
                    ++solid;
            }
            QVERIFY2(dashed, qPrintable(QStringLiteral("series %1").arg(i)));
            QCOMPARE(solid, 1);
        }
    }

    void clickOnAPointOpensTheRowsBehindIt()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        QSignalSpy rows(view.get(), &AnalyticsView::showRowsRequested);
        for (MetricsPanel kind : {MetricsPanel::Persona, MetricsPanel::Tools}) {
            rows.clear();
            AnalyticsPanel *panel = view->panel(kind);
            AnalyticsChart *chart = panel->chart();
            const int series = int(chart->drawnLines().size()) - 1; // the top line
            const QList<QPointF> &line = chart->drawnLines().at(series);
            const int index = int(line.size() / 2);
            QTest::mouseClick(chart->viewport(), Qt::LeftButton, {},
                              onViewport(chart, line.at(index)));
            QTRY_COMPARE(rows.count(), 1);
            QCOMPARE(rows.at(0).at(0).toString(), QStringLiteral("public"));
            QCOMPARE(rows.at(0).at(1).toString(), metricsPanelTable(kind));
            const auto filters = rows.at(0).at(2).value<QList<ColumnFilter>>();
            // Exactly the rows of the bucket: as many as the point counts.
            const MetricsSeries &s = panel->lastResult().series.at(series);
            const MetricsPoint *point = nullptr;
            for (const MetricsPoint &p : s.points)
                if (p.startMs == qint64(line.at(index).x()))
                    point = &p;
            QVERIFY(point);
            QVERIFY(point->count > 0);
            QCOMPARE(rowsBehind(f.db.witness(), metricsPanelTable(kind), filters), point->count);
            QVERIFY(std::any_of(filters.cbegin(), filters.cend(), [&](const ColumnFilter &c) {
                return c.column == metricsPanelKeyColumns(kind).first() && c.value == s.key;
            }));
        }
    }

    void exportWritesThePictureAndTheDrawnSeries()
    {
        Fixture f;
        auto view = openView(f);
        QVERIFY(view);
        QTemporaryDir dir;
        for (MetricsPanel kind : {MetricsPanel::Persona, MetricsPanel::Tools}) {
            AnalyticsPanel *panel = view->panel(kind);
            const QString png = dir.filePath(metricsPanelName(kind) + ".png");
            const Status pngWritten = panel->exportPng(png, QSize(1200, 800));
            QVERIFY2(pngWritten, qPrintable(pngWritten.error().toString()));
            QVERIFY(QFileInfo(png).size() > 0);
            const QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), QSize(1200, 800)); // the size chosen, not the panel's

            const QString csv = dir.filePath(metricsPanelName(kind) + ".csv");
            const Status csvWritten = panel->exportCsv(csv);
            QVERIFY2(csvWritten, qPrintable(csvWritten.error().toString()));
            QFile file(csv);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QStringList> table = parseCsv(file.readAll());
            QVERIFY(table.size() > 1);
            const QStringList head = table.first();
            const qsizetype key = head.indexOf(QStringLiteral("series_key"));
            const qsizetype start = head.indexOf(QStringLiteral("bucket_start"));
            const qsizetype value
                = head.indexOf(metricsAggregationName(panel->lastRequest().aggregation));
            QVERIFY(key >= 0 && start >= 0 && value >= 0);
            // Every drawn point is a CSV row with the same value, and nothing else is.
            QHash<QString, int> seriesIndex;
            for (int i = 0; i < panel->lastResult().series.size(); ++i)
                seriesIndex.insert(panel->lastResult().series.at(i).key, i);
            qsizetype drawn = 0;
            for (const auto &l : panel->chart()->drawnLines())
                drawn += l.size();
            QCOMPARE(table.size() - 1, drawn);
            QHash<int, int> next;
            for (qsizetype r = 1; r < table.size(); ++r) {
                const QStringList &row = table.at(r);
                QVERIFY(seriesIndex.contains(row.at(key)));
                const int i = seriesIndex.value(row.at(key));
                const QPointF p = panel->chart()->drawnLines().at(i).at(next[i]++);
                const QDateTime t = QDateTime::fromString(row.at(start), Qt::ISODateWithMs);
                QCOMPARE(t.toMSecsSinceEpoch(), qint64(p.x()));
                QCOMPARE(row.at(value).toDouble(), p.y());
            }
        }
    }
};

QTEST_MAIN(TestAnalyticsView)
#include "tst_analyticsview.moc"
