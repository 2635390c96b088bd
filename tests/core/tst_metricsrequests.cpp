// The analytics core's requests against the real sandbox: the bucket chooser and bucket
// parsing, bad input refused with a message and nothing run, cancel from another thread, and
// the catalog of measurements and series the panels choose from.
#include "db/pgconnection.h"
#include "metrics/metricsbucket.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsquery.h"
#include "metricsqueriestestutil.h"

#include <QThread>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;
using namespace uaip::test::metrics;

Q_DECLARE_METATYPE(uaip::MetricsPanel)

class TestMetricsRequests : public QObject
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
        // At most one bucket per two pixels (issue 34: it was two per pixel).
        QTest::newRow("1h at 1600 px") << t0 << t0.addSecs(3600) << 1600 << QStringLiteral("5s");
        QTest::newRow("7d at 1600 px") << t0 << t0.addDays(7) << 1600 << QStringLiteral("15m");
        QTest::newRow("90d at 1600 px") << t0 << t0.addDays(90) << 1600 << QStringLiteral("3h");
        QTest::newRow("90d at 300 px") << t0 << t0.addDays(90) << 300 << QStringLiteral("1d");
        QTest::newRow("10y at 1600 px") << t0 << t0.addYears(10) << 1600 << QStringLiteral("1w");
        QTest::newRow("10y at 100 px") << t0 << t0.addYears(10) << 100 << QStringLiteral("1q");
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
        // at most one point per two pixel columns, and the next finer nice size would give more
        const qint64 max = MetricsBucketChooser::maxBuckets(width);
        if (b.label() != QLatin1String("1y")) // the year when nothing fits
            QVERIFY(MetricsBucketChooser::bucketCount(from, to, b) <= max);
        const QList<MetricsBucket> &nice = MetricsBucket::niceSizes();
        const qsizetype i = nice.indexOf(b);
        if (i > 0 && b.label() != QLatin1String("1y"))
            QVERIFY(MetricsBucketChooser::bucketCount(from, to, nice.at(i - 1)) > max);
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
                                         << "use 15m or larger";
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
        QCOMPARE(r.error.code(), ErrorCode::BadInput);
        QVERIFY2(r.error.text().contains(expected), qPrintable(r.error.toString()));
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
        f.connection.cancel();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(blocker.exec("ROLLBACK").ok());
        QCOMPARE(result.error.code(), ErrorCode::Cancelled);
        // the connection stays usable
        const MetricsResult again = MetricsQuery(f.connection).run(req);
        QVERIFY2(again.ok(), qPrintable(again.error.toString()));
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
        QVERIFY2(list.ok(), qPrintable(list.error.toString()));
        QCOMPARE(list.series.size(), 4); // 2 models x (Org A, unattributed)
        QStringList labels;
        for (const MetricsSeries &s : list.series)
            labels << s.label;
        QVERIFY2(labels.contains(QStringLiteral("model, \"b\" ü · Org \"A\", Ltd")),
                 qPrintable(labels.join(u'\n')));
        QVERIFY(labels.contains(QStringLiteral("model-a · unattributed")));

        // a range the request validator refuses: bad input, nothing sent
        req.to = req.from;
        const MetricsCatalog::SeriesList bad = catalog.series(req);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error.code(), ErrorCode::BadInput);
        QVERIFY(bad.series.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricsRequests)
#include "tst_metricsrequests.moc"
