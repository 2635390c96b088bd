// uaip-migrate metrics against the real sandbox, run in this process (InProcessCli: the CLI's
// own CliApplication::run, its stdout and stderr captured, its exit code returned): CSV and JSON
// carry exactly the series the core query computes for the same request (bucket starts with the
// zone's offset, DST days), an empty range says so, and bad input exits 2 with a message naming
// what. No case needs a process of its own (none reads stdin, sends a signal, sets the
// environment or expects a crash); main.cpp around run() is the process tests' (tst_uaipmigrate*).
#include "db/pgconnection.h"
#include "demo/demodataloader.h"
#include "demo/demodataplan.h"
#include "inprocesscli.h"
#include "metrics/metricsexport.h"
#include "metrics/metricsquery.h"
#include "platformdatabase.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// Hourly rows of two personas around the Berlin spring DST change, and one row of a metric
// whose name has quotes and non-ASCII text.
const char *const kFixture = R"SQL(
DELETE FROM persona_analytics;
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT p.id, 'usage', 'cli_metric', (extract(hour FROM t)::int * 3 + p.i) % 17 + 0.25, t + p.i * interval '10 minutes'
FROM generate_series('2026-03-27 00:05+00'::timestamptz, '2026-03-31 23:00+00', '1 hour') t
CROSS JOIN (SELECT id, row_number() OVER (ORDER BY id) AS i FROM personas ORDER BY id LIMIT 2) p;
INSERT INTO persona_analytics (persona_id, metric_type, metric_name, metric_value, recorded_at)
SELECT id, 'usage', 'größe "x", y''s', 7.5, '2026-03-29 12:00+00' FROM personas ORDER BY id LIMIT 1;
)SQL";

class Fixture : public PlatformDatabase
{
public:
    Fixture()
        : PlatformDatabase(QStringLiteral("tst_metricscli"))
    {
        DemoDataLoader::Options o;
        o.analyze = false;
        DemoDataLoader loader(connection, DemoDataPlan::forScale(1000), o);
        if (!loader.load().ok())
            qFatal("demo load failed");
        const PgResult f = connection.execScript(kFixture);
        if (!f.ok())
            qFatal("fixture: %s", qPrintable(f.error().toString()));
    }
    QStringList args(const QStringList &more) const
    {
        return QStringList{QStringLiteral("--db"), db.conninfo(), QStringLiteral("metrics")} + more;
    }
};

// uaip-migrate args in this process, its output read as text as the process tests read it (Run).
Run inProcess(const QStringList &args)
{
    const InProcessCli::Result r = InProcessCli::run(args);
    return {r.exitCode, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
}

MetricsRequest berlinDays()
{
    MetricsRequest r;
    r.panel = MetricsPanel::Persona;
    r.metricName = QStringLiteral("cli_metric");
    r.from = QDateTime::fromString(QStringLiteral("2026-03-28T00:00:00+01:00"), Qt::ISODate);
    r.to = QDateTime::fromString(QStringLiteral("2026-03-31T00:00:00+02:00"), Qt::ISODate);
    r.timeZone = QStringLiteral("Europe/Berlin");
    r.widthPx = 1600;
    r.bucket = MetricsBucket::calendar(MetricsBucket::Unit::Day);
    r.withPercentiles = true;
    return r;
}

} // namespace

class TestMetricsCli : public QObject
{
    Q_OBJECT

private slots:
    void csvIsTheCoreSeries()
    {
        Fixture f;
        const Run run = inProcess(f.args(
            {QStringLiteral("persona"), QStringLiteral("--metric"), QStringLiteral("cli_metric"),
             QStringLiteral("--from"), QStringLiteral("2026-03-28"), QStringLiteral("--to"),
             QStringLiteral("2026-03-31"), QStringLiteral("--tz"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("--bucket"), QStringLiteral("1d")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const MetricsRequest req = berlinDays();
        const MetricsResult core = MetricsQuery(f.connection).run(req);
        QVERIFY2(core.ok(), qPrintable(core.error.toString()));
        QCOMPARE(run.out, QString::fromUtf8(MetricsExport::csv(req, core)));

        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("bucket_start,series_key,series_label,mean,min,max,"
                                "p50,p95,count"));
        QCOMPARE(lines.size(), 1 + 2 * 3); // two personas, three local days
        // the DST day: local midnight +01:00, 23 hourly rows; the next day starts at +02:00
        QVERIFY(lines.at(2).startsWith(QStringLiteral("2026-03-29T00:00:00+01:00,")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral(",23")));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("2026-03-30T00:00:00+02:00,")));
        // mean of the first persona's first day, computed independently
        const QString key = lines.at(1).section(u',', 1, 1);
        const QString mean = f.db.scalar(
            "SELECT avg(metric_value)::float8 FROM persona_analytics WHERE metric_name = "
            "'cli_metric' AND persona_id = $1 AND recorded_at >= '2026-03-28T00:00+01' AND "
            "recorded_at < '2026-03-29T00:00+01'",
            {key});
        QCOMPARE(lines.at(1).section(u',', 3, 3).toDouble(), mean.toDouble());
    }

    void jsonIsTheCoreSeries()
    {
        Fixture f;
        const Run run = inProcess(f.args(
            {QStringLiteral("persona"), QStringLiteral("--metric"), QStringLiteral("cli_metric"),
             QStringLiteral("--from"), QStringLiteral("2026-03-28T00:00:00+01:00"),
             QStringLiteral("--to"), QStringLiteral("2026-03-31T00:00:00+02:00"),
             QStringLiteral("--tz"), QStringLiteral("Europe/Berlin"), QStringLiteral("--width"),
             QStringLiteral("100"), QStringLiteral("--top"), QStringLiteral("1"),
             QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc.value(QStringLiteral("bucket")).toString(),
                 QStringLiteral("2h")); // 71 h at 100 px: at most 50 buckets
        QCOMPARE(doc.value(QStringLiteral("no_data")).toBool(), false);
        QVERIFY(doc.value(QStringLiteral("sql")).toString().contains(QStringLiteral("date_bin")));
        QCOMPARE(doc.value(QStringLiteral("params")).toArray().at(4).toString(),
                 QStringLiteral("cli_metric"));
        const QJsonArray series = doc.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 1);

        MetricsRequest req = berlinDays();
        req.bucket.reset();
        req.widthPx = 100;
        req.topN = 1;
        const MetricsResult core = MetricsQuery(f.connection).run(req);
        QVERIFY2(core.ok(), qPrintable(core.error.toString()));
        QCOMPARE(doc, MetricsExport::json(req, core));
        const QJsonArray points = series.at(0).toObject().value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 36); // 72 hours less the skipped 02:00 of 2026-03-29, in 2 h
        QCOMPARE(points.at(0).toObject().value(QStringLiteral("bucket_start")).toString(),
                 QStringLiteral("2026-03-28T00:00:00+01:00"));
    }

    void quotedNonAsciiMetricAndNoData()
    {
        Fixture f;
        Run run = inProcess(
            f.args({QStringLiteral("persona"), QStringLiteral("--metric"),
                    QStringLiteral("größe \"x\", y's"), QStringLiteral("--from"),
                    QStringLiteral("2026-03-29"), QStringLiteral("--to"),
                    QStringLiteral("2026-03-30"), QStringLiteral("--tz"), QStringLiteral("UTC")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("2026-03-29T12:00:00+00:00,")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).endsWith(QStringLiteral(",7.5,7.5,7.5,7.5,7.5,1")));

        run = inProcess(f.args(
            {QStringLiteral("persona"), QStringLiteral("--metric"), QStringLiteral("cli_metric"),
             QStringLiteral("--from"), QStringLiteral("2020-01-01"), QStringLiteral("--to"),
             QStringLiteral("2020-02-01"), QStringLiteral("--tz"), QStringLiteral("UTC")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts).size(), 1); // header only
        QVERIFY2(run.err.contains(QStringLiteral("no data in this range")), qPrintable(run.err));
    }

    // The Tokens panel on data from `uaip-migrate seed demo` alone (no fixture rows): one
    // daily series per model (the demo users belong to no organisation), the core's series,
    // and each day's sum equals token_consumption's, computed independently.
    void tokensOnSeededDemoData()
    {
        PlatformDatabase p(QStringLiteral("tst_metricscli"));
        const Run seeded
            = inProcess({QStringLiteral("--db"), p.db.conninfo(), QStringLiteral("seed"),
                         QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("1000"),
                         QStringLiteral("--seed-value"), QStringLiteral("7")});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const Run run = inProcess(
            {QStringLiteral("--db"), p.db.conninfo(), QStringLiteral("metrics"),
             QStringLiteral("tokens"), QStringLiteral("--from"), QStringLiteral("2026-10-01"),
             QStringLiteral("--to"), QStringLiteral("2026-10-08"), QStringLiteral("--tz"),
             QStringLiteral("UTC"), QStringLiteral("--bucket"), QStringLiteral("1d")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("no data")), qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), MetricsExport::csvColumns(MetricsPanel::Tokens).join(u','));
        const int models
            = p.db.scalar("SELECT count(DISTINCT model) FROM token_consumption WHERE usage_date "
                          ">= '2026-10-01' AND usage_date < '2026-10-08'")
                  .toInt();
        QVERIFY(models >= 2);
        QVERIFY2(lines.size() > 7, qPrintable(run.out));
        QVERIFY(lines.size() <= 1 + 7 * models);
        for (const QString &line : lines.mid(1)) {
            const QString key = line.section(u',', 1, 1);
            QVERIFY2(key.endsWith(u'|'), qPrintable(line)); // unattributed
            const QString sum = p.db.scalar(
                "SELECT sum(input_tokens + output_tokens) FROM token_consumption WHERE "
                "usage_date = ($1::timestamptz AT TIME ZONE 'UTC')::date AND model || '|' = $2",
                {line.section(u',', 0, 0), key});
            QCOMPARE(line.section(u',', 9, 9).toDouble(), sum.toDouble());
        }

        MetricsRequest req;
        req.panel = MetricsPanel::Tokens;
        req.metricName = QStringLiteral("tokens");
        req.from = QDateTime::fromString(QStringLiteral("2026-10-01T00:00:00Z"), Qt::ISODate);
        req.to = QDateTime::fromString(QStringLiteral("2026-10-08T00:00:00Z"), Qt::ISODate);
        req.timeZone = QStringLiteral("UTC");
        req.widthPx = 1600;
        req.bucket = MetricsBucket::calendar(MetricsBucket::Unit::Day);
        req.withPercentiles = true;
        const MetricsResult core = MetricsQuery(p.connection).run(req);
        QVERIFY2(core.ok(), qPrintable(core.error.toString()));
        QCOMPARE(run.out, QString::fromUtf8(MetricsExport::csv(req, core)));
    }

    // --previous: the previous period's series (what the chart overlays) after the current
    // ones, marked in a "period" column (CSV) or as previous_series (JSON), equal to the core's,
    // each previous bucket's count computed independently over [from - span, from).
    void previousPeriod()
    {
        Fixture f;
        const QStringList base{QStringLiteral("persona"),
                               QStringLiteral("--metric"),
                               QStringLiteral("cli_metric"),
                               QStringLiteral("--from"),
                               QStringLiteral("2026-03-28"),
                               QStringLiteral("--to"),
                               QStringLiteral("2026-03-31"),
                               QStringLiteral("--tz"),
                               QStringLiteral("Europe/Berlin"),
                               QStringLiteral("--bucket"),
                               QStringLiteral("1d")};
        const Run plain = inProcess(f.args(base));
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const Run run = inProcess(f.args(base + QStringList{QStringLiteral("--previous")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        MetricsRequest req = berlinDays();
        req.previousPeriod = true;
        const MetricsResult core = MetricsQuery(f.connection).run(req);
        QVERIFY2(core.ok(), qPrintable(core.error.toString()));
        QCOMPARE(run.out, QString::fromUtf8(MetricsExport::csv(req, core)));

        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        const QStringList plainLines = plain.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), plainLines.first() + QStringLiteral(",period"));
        QStringList current;
        QStringList previous;
        for (const QString &line : lines.mid(1))
            (line.endsWith(QStringLiteral(",previous")) ? previous : current) << line;
        QCOMPARE(current.size(), plainLines.size() - 1);
        for (qsizetype i = 0; i < current.size(); ++i)
            QCOMPARE(current.at(i), plainLines.at(i + 1) + QStringLiteral(",current"));
        QCOMPARE(lines.mid(1, current.size()), current); // the current rows come first
        // the fixture starts on 2026-03-27 (UTC): one previous day per persona, 23 hourly rows
        QCOMPARE(previous.size(), 2);
        for (const QString &line : previous) {
            QVERIFY2(line.startsWith(QStringLiteral("2026-03-27T00:00:00+01:00,")),
                     qPrintable(line));
            const QString count = f.db.scalar(
                "SELECT count(*) FROM persona_analytics WHERE metric_name = 'cli_metric' "
                "AND persona_id = $1 AND recorded_at >= greatest($2::timestamptz, "
                "'2026-03-28T00:00+01'::timestamptz - ('2026-03-31T00:00+02'::timestamptz - "
                "'2026-03-28T00:00+01'::timestamptz)) AND recorded_at < '2026-03-28T00:00+01'",
                {line.section(u',', 1, 1), line.section(u',', 0, 0)});
            QCOMPARE(line.section(u',', 8, 8), count);
            QCOMPARE(count, QStringLiteral("23"));
        }

        const Run json
            = inProcess(f.args(base
                               + QStringList{QStringLiteral("--previous"),
                                             QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(doc, MetricsExport::json(req, core));
        QCOMPARE(doc.value(QStringLiteral("previous_series")).toArray().size(),
                 doc.value(QStringLiteral("series")).toArray().size());
        QCOMPARE(doc.value(QStringLiteral("previous_offset_ms")).toDouble(),
                 71.0 * 3600 * 1000); // 2026-03-28 .. 2026-03-31 in Berlin: 71 hours
        // without --previous the document has no previous keys (the export is unchanged)
        const Run noPrev = inProcess(
            f.args(base + QStringList{QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY(!QJsonDocument::fromJson(noPrev.out.toUtf8())
                     .object()
                     .contains(QStringLiteral("previous_series")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QStringList base{QStringLiteral("--metric"), QStringLiteral("cli_metric"),
                               QStringLiteral("--tz"), QStringLiteral("UTC")};
        const auto range = [](const char *from, const char *to) {
            return QStringList{QStringLiteral("--from"), QString::fromLatin1(from),
                               QStringLiteral("--to"), QString::fromLatin1(to)};
        };
        QTest::newRow("from > to")
            << QStringList{QStringLiteral("persona")} + base + range("2026-03-02", "2026-03-01")
            << "is not before to";
        QTest::newRow("no panel") << QStringList{} << "metrics needs a panel";
        QTest::newRow("unknown panel")
            << QStringList{QStringLiteral("personas")} + base + range("2026-03-01", "2026-03-02")
            << "unknown panel \"personas\"";
        QTest::newRow("no --from") << QStringList{QStringLiteral("persona"), QStringLiteral("--to"),
                                                  QStringLiteral("2026-03-01")}
                                   << "needs --from and --to";
        QTest::newRow("bad time") << QStringList{QStringLiteral("persona")} + base
                + range("yesterday", "2026-03-01")
                                  << "--from \"yesterday\" is not a time";
        QTest::newRow("unknown zone")
            << QStringList{QStringLiteral("persona"), QStringLiteral("--metric"),
                           QStringLiteral("m"), QStringLiteral("--tz"),
                           QStringLiteral("Europe/Atlantis")}
                + range("2026-03-01", "2026-03-02")
            << "unknown time zone \"Europe/Atlantis\"";
        QTest::newRow("bad bucket") << QStringList{QStringLiteral("persona"),
                                                   QStringLiteral("--bucket"), QStringLiteral("7x")}
                + base + range("2026-03-01", "2026-03-02")
                                    << "--bucket \"7x\" is not auto or a size";
        QTest::newRow("bucket too fine")
            << QStringList{QStringLiteral("persona"), QStringLiteral("--bucket"),
                           QStringLiteral("1s"), QStringLiteral("--width"), QStringLiteral("100")}
                + base + range("2026-03-01", "2026-03-02")
            << "more than one per 2 pixels";
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("persona"), QStringLiteral("--format"),
                           QStringLiteral("xml")}
                + base + range("2026-03-01", "2026-03-02")
            << "--format \"xml\" is not csv or json";
        QTest::newRow("bad width") << QStringList{QStringLiteral("persona"),
                                                  QStringLiteral("--width"), QStringLiteral("wide")}
                + base + range("2026-03-01", "2026-03-02")
                                   << "--width \"wide\" is not a number";
        QTest::newRow("bad id") << QStringList{QStringLiteral("persona"), QStringLiteral("--ids"),
                                               QStringLiteral("1,2")}
                + base + range("2026-03-01", "2026-03-02")
                                << "series id '1' is not a uuid";
        QTest::newRow("no metric")
            << QStringList{QStringLiteral("persona"), QStringLiteral("--tz"), QStringLiteral("UTC")}
                + range("2026-03-01", "2026-03-02")
            << "needs a metric name";
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("persona"), QStringLiteral("--scale"),
                           QStringLiteral("5")}
                + base + range("2026-03-01", "2026-03-02")
            << "--scale does not apply to \"metrics\"";
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        // no database is reached: bad input is found first (an unreachable target proves it)
        const Run run = inProcess(QStringList{QStringLiteral("--db"),
                                              QStringLiteral("host=/nonexistent dbname=none"),
                                              QStringLiteral("metrics")}
                                  + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void formatFollowsGlobalJsonForErrors()
    {
        const Run run = inProcess(
            {QStringLiteral("--json"), QStringLiteral("metrics"), QStringLiteral("persona"),
             QStringLiteral("--from"), QStringLiteral("2026-03-02"), QStringLiteral("--to"),
             QStringLiteral("2026-03-01"), QStringLiteral("--metric"), QStringLiteral("m"),
             QStringLiteral("--tz"), QStringLiteral("UTC")});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(
            doc.value(QStringLiteral("error")).toString().contains(QStringLiteral("not before")));
    }
};

QTEST_GUILESS_MAIN(TestMetricsCli)
#include "tst_metricscli.moc"
