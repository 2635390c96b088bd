// Benchmark: each Analytics panel's query (MetricsQuery::run: top N, series, labels) against
// the very statements it sent, run through psql (its \timing of each statement, same
// connection kind, results sent to /dev/null), for a 7-day and a 90-day range ending at the
// newest persona_analytics row, 1,600 px, Europe/Berlin, the default aggregation (mean with
// the min/max band; --percentiles adds p50/p95). Prints medians and the ratio ours/psql
// (target <= 1.1).
//
// The data: --db CONNINFO (a seeded database), or a sandbox in --data-dir (database uaip;
// migrated and loaded with 'seed demo --scale N' when empty; kept for the next run), or a
// throw-away sandbox. --scale 16666667 gives 10,000,000 persona_analytics rows (60 %).
//
// Only the query side is timed here; the chart update (QLineSeries::replace + layout) belongs
// to the Analytics view's own benchmark. --panel and --range pick one measurement, --list
// prints the requests and their SQL.
//   bench_dashboard [--db C | --data-dir D] [--scale N] [--runs R] [--panel P] [--range 7d|90d]
//                   [--percentiles] [--list] [--explain]
// Each measurement is the median of R runs (default 9); ours and psql alternate which goes first.
// "ratio" divides the two medians; "paired", the one the target is judged on, is the median of
// the runs' own ratios (each run's ours over the psql run next to it): on a shared machine
// whose load drifts, two runs side by side meet the same load, while the medians of each side
// can come from different loads (a 4 ms panel read 1.31 that way in a run that paired 0.97).
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "demo/demodataloader.h"
#include "demo/demodataplan.h"
#include "ledger/migrationsource.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsquery.h"
#include "migrate/migrationrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cctype>
#include <memory>

#include <libpq-fe.h>

using namespace uaip;

namespace {

QTextStream out(stdout);

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_dashboard: " << message << "\n";
    std::exit(1);
}

void check(bool ok, const QString &what)
{
    if (!ok)
        die(what);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The statement with its values written in as literals (psql 15 has no \bind): the same
// plan as an unnamed statement with bound values, which the planner also sees as constants
// (the server marks bound values PARAM_FLAG_CONST and plans the unnamed statement for them).
// One pass over the text: a $n token outside quotes and comments becomes its value's literal
// (so $1 never matches inside $10, nor inside a value written in before); comments are
// dropped (a value with a newline written into one would end it).
QByteArray inlined(const BoundStatement &st, const PgConnection &c)
{
    const QByteArray &sql = st.sql;
    QByteArray text;
    text.reserve(sql.size() + 256);
    for (qsizetype i = 0; i < sql.size();) {
        const char ch = sql.at(i);
        if (ch == '-' && i + 1 < sql.size() && sql.at(i + 1) == '-') {
            while (i < sql.size() && sql.at(i) != '\n')
                ++i;
            continue;
        }
        if (ch == '\'' || ch == '"') { // a literal or a quoted identifier, copied whole
            const qsizetype end = sql.indexOf(ch, i + 1);
            check(end > i, QStringLiteral("unterminated quote in the statement"));
            text += sql.mid(i, end + 1 - i);
            i = end + 1;
            continue;
        }
        if (ch == '$' && i + 1 < sql.size() && std::isdigit(uchar(sql.at(i + 1)))) {
            qsizetype j = i + 1;
            while (j < sql.size() && std::isdigit(uchar(sql.at(j))))
                ++j;
            const qsizetype n = sql.mid(i + 1, j - i - 1).toLongLong();
            check(n >= 1 && n <= st.params.size(), QStringLiteral("$%1 has no value").arg(n));
            const QVariant &v = st.params.at(n - 1);
            if (v.isNull()) {
                text += "NULL";
            } else {
                const QByteArray value = v.toString().toUtf8();
                char *q = PQescapeLiteral(c.handle(), value.constData(), size_t(value.size()));
                text += q;
                PQfreemem(q);
            }
            i = j;
            continue;
        }
        text += ch;
        ++i;
    }
    return text.trimmed() + ";\n";
}

// SET commands that give a psql session the settings of ours: every setting our session did
// not take from the server's defaults or its configuration file (client encoding, DateStyle,
// application name, ...), so both sides plan and format alike.
QByteArray sessionSettings(PgConnection &c)
{
    const PgResult r = c.exec("SELECT name, setting FROM pg_settings "
                              "WHERE source NOT IN ('default', 'configuration file', 'override') "
                              "AND context = 'user' AND name <> 'application_name' ORDER BY name");
    check(r.ok(), r.error().toString());
    QByteArray text;
    for (int i = 0; i < r.rows(); ++i) {
        const QByteArray value = r.value(i, 1).toUtf8();
        char *q = PQescapeLiteral(c.handle(), value.constData(), size_t(value.size()));
        text += "SET " + r.value(i, 0).toUtf8() + " = " + q + ";\n";
        PQfreemem(q);
    }
    return text;
}

// psql's \timing of each statement of the script, in ms.
QList<double> psqlTimes(const QString &conninfo, const QByteArray &script)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.sql"));
    QFile f(file);
    check(f.open(QIODevice::WriteOnly) && f.write(script) == script.size(), file);
    f.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8"));
    p.setProcessEnvironment(env);
    p.start(QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql")),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), conninfo,
             QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-f"), file});
    check(p.waitForFinished(-1) && p.exitCode() == 0,
          QStringLiteral("psql: %1").arg(QString::fromUtf8(p.readAllStandardError())));
    QList<double> times;
    static const QRegularExpression timing(QStringLiteral("^Time: ([0-9.]+) ms"),
                                           QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (auto it = timing.globalMatch(text); it.hasNext();)
        times << it.next().captured(1).toDouble();
    return times;
}

QString mostRows(const QList<MetricsChoice> &choices, const QString &type = QString())
{
    QString best;
    qint64 rows = -1;
    for (const MetricsChoice &c : choices) {
        if ((type.isEmpty() || c.type == type) && c.rows > rows) {
            rows = c.rows;
            best = c.name;
        }
    }
    return best;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("A seeded database."), QStringLiteral("conninfo")},
        {QStringLiteral("data-dir"), QStringLiteral("Sandbox folder (kept)."),
         QStringLiteral("path")},
        {QStringLiteral("scale"), QStringLiteral("Demo metric rows to load into an empty sandbox."),
         QStringLiteral("N"), QStringLiteral("16666667")},
        {QStringLiteral("runs"), QStringLiteral("Timed runs per measurement."), QStringLiteral("R"),
         QStringLiteral("9")},
        {QStringLiteral("panel"), QStringLiteral("Only this panel."), QStringLiteral("P")},
        {QStringLiteral("range"), QStringLiteral("Only this range (7d or 90d)."),
         QStringLiteral("R")},
        {QStringLiteral("percentiles"), QStringLiteral("Also compute p50/p95.")},
        {QStringLiteral("list"), QStringLiteral("Print each request's SQL.")},
        {QStringLiteral("explain"),
         QStringLiteral("Print EXPLAIN (ANALYZE, BUFFERS) of each statement as sent.")},
    });
    parser.addHelpOption();
}

// The database: --db, or a sandbox in --data-dir (kept) or in a temporary folder; its
// database uaip is made when missing.
QString databaseConninfo(const QCommandLineParser &parser, std::unique_ptr<QTemporaryDir> &temp,
                         std::unique_ptr<Sandbox> &sandbox)
{
    QString conninfo = parser.value(QStringLiteral("db"));
    if (!conninfo.isEmpty())
        return conninfo;
    QString dir = parser.value(QStringLiteral("data-dir"));
    if (dir.isEmpty()) {
        temp = std::make_unique<QTemporaryDir>();
        dir = temp->path();
    }
    sandbox = std::make_unique<Sandbox>(dir);
    if (!sandbox->isRunning()) {
        const Status started = sandbox->start(Sandbox::Options{false, false});
        check(started.ok(), started.error().toString());
    }
    sandbox->createDatabase(QStringLiteral("uaip")); // an error: it exists already
    return sandbox->conninfo(QStringLiteral("uaip"));
}

// Migrates an empty database and loads 'seed demo --scale' into one without metric rows.
void prepareData(PgConnection &c, qint64 scale)
{
    if (c.scalar("SELECT to_regclass('persona_analytics') IS NULL") == u"t") {
        MigrationSource source;
        check(source.load(MigrationSource::bundledDir()), source.errors().join(u'\n'));
        const RunResult r = MigrationRunner(c, source.migrations(), {}).up();
        check(r.ok(), r.message);
    }
    if (c.scalar("SELECT count(*) FROM (SELECT 1 FROM persona_analytics LIMIT 1) x") == u"0") {
        out << "loading demo data, scale " << scale << " ..." << Qt::endl;
        QElapsedTimer t;
        t.start();
        DemoDataLoader loader(c, DemoDataPlan::forScale(scale), DemoDataLoader::Options{});
        const DemoLoadResult r = loader.load();
        check(r.ok(), r.message);
        out << "loaded in " << t.elapsed() / 1000 << " s" << Qt::endl;
    }
}

// Prints the data's size and newest row; returns the end of the ranges (just after it).
QDateTime printData(PgConnection &c, int runs)
{
    const QString rows = c.scalar("SELECT count(*) FROM persona_analytics");
    const QDateTime newest = QDateTime::fromString(
        c.scalar("SELECT to_char(max(recorded_at) AT TIME ZONE 'UTC', "
                 "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM persona_analytics"),
        Qt::ISODate);
    check(newest.isValid(), QStringLiteral("no persona_analytics rows"));
    out << "PostgreSQL " << c.parameter("server_version") << ", persona_analytics " << rows
        << " rows, newest " << newest.toString(Qt::ISODate) << ", " << runs
        << " runs per measurement\n";
    return newest.addSecs(1);
}

void printTableHeader()
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
               .arg(QStringLiteral("panel"), -13)
               .arg(QStringLiteral("range"), -6)
               .arg(QStringLiteral("bucket"), -7)
               .arg(QStringLiteral("series"), 6)
               .arg(QStringLiteral("points"), 7)
               .arg(QStringLiteral("ours ms"), 9)
               .arg(QStringLiteral("psql ms"), 9)
               .arg(QStringLiteral("ratio"), 6)
               .arg(QStringLiteral("paired"), 7)
               .arg(QStringLiteral("exec ms"), 9)
               .arg(QStringLiteral("literal ms"), 10);
}

// Every timed run of one measurement, in ms.
struct Runs
{
    QList<double> psql, ours, exec, literal;
};

// The measurements of one database: each panel and range, ours against psql.
struct DashboardBench
{
    PgConnection &c;
    QString conninfo;
    int runs = 9;
    QDateTime to;
    bool percentiles = false;
    bool list = false;
    bool explain = false;
    QByteArray settings{}; // given to psql's session too
    QList<MetricsChoice> persona{};
    QList<MetricsChoice> capability{};
    double worst = 0;
    double worstPaired = 0;

    // Our session's settings (then given to psql's), a few that shape plans, the catalog.
    void readSettings()
    {
        settings = sessionSettings(c);
        out << "session settings given to psql too:\n" << QString::fromUtf8(settings);
        for (const char *name : {"jit", "max_parallel_workers_per_gather", "work_mem"})
            out << name << " = " << c.scalar(QByteArray("SHOW ") + name) << "\n";
        MetricsCatalog catalog(c);
        const MetricsCatalog::Choices p = catalog.choices(MetricsPanel::Persona);
        const MetricsCatalog::Choices cap = catalog.choices(MetricsPanel::Capability);
        check(p.ok() && cap.ok(), QStringLiteral("catalog"));
        persona = p.choices;
        capability = cap.choices;
    }

    MetricsRequest request(MetricsPanel panel, int days) const
    {
        MetricsRequest req;
        req.panel = panel;
        req.from = to.addDays(-days);
        req.to = to;
        req.timeZone = QStringLiteral("Europe/Berlin");
        req.widthPx = 1600;
        req.withPercentiles = percentiles;
        if (panel == MetricsPanel::Persona)
            req.metricName = mostRows(persona);
        if (panel == MetricsPanel::Capability)
            req.metricName = mostRows(capability, QStringLiteral("performance"));
        return req;
    }

    // --list and --explain: the statements of the warm-up run.
    void listAndExplain(MetricsPanel panel, int days, const MetricsResult &warm)
    {
        if (list)
            for (const BoundStatement &st : warm.sent)
                out << st.display() << "\n";
        if (!explain)
            return;
        for (const BoundStatement &st : warm.sent) {
            const PgResult e = c.exec("EXPLAIN (ANALYZE, BUFFERS) " + st.sql, st.params);
            check(e.ok(), e.error().toString());
            out << "-- " << metricsPanelName(panel) << " " << days
                << "d: " << QString::fromUtf8(st.sql.left(st.sql.indexOf('\n'))) << "\n";
            for (int i = 0; i < e.rows(); ++i)
                out << e.value(i, 0) << "\n";
        }
    }

    // psql and ours take turns, and which goes first alternates, so both meet the same
    // load on a shared machine. psql's session gets our session's settings; each psql
    // session runs the statements twice and its second round counts; ours likewise runs
    // an untimed round right before its timed one (on 2 cores the other side's run in
    // between leaves caches cold, which only the first round would pay).
    Runs alternate(MetricsQuery &query, const MetricsRequest &req, const MetricsResult &warm)
    {
        QByteArray script = settings + "\\timing on\n";
        for (int round = 0; round < 2; ++round)
            for (const BoundStatement &st : warm.sent)
                script += inlined(st, c);
        Runs t;
        auto runPsql = [&] {
            const QList<double> times = psqlTimes(conninfo, script);
            check(times.size() == 2 * warm.sent.size(),
                  QStringLiteral("psql printed %1 timings").arg(times.size()));
            double sum = 0;
            for (qsizetype s = warm.sent.size(); s < times.size(); ++s)
                sum += times.at(s);
            t.psql << sum;
        };
        auto runOurs = [&] {
            // one untimed round first, as psql's first round (the same warm caches)
            check(query.run(req).ok(), QStringLiteral("warm-up run"));
            QElapsedTimer timer;
            timer.start();
            const MetricsResult res = query.run(req);
            t.ours << timer.nsecsElapsed() / 1e6;
            check(res.ok(), res.error.toString());
            // the same statements through PgConnection::exec alone (no reading into series)
            timer.restart();
            for (const BoundStatement &st : warm.sent)
                check(c.exec(st.sql, st.params).ok(), QStringLiteral("exec"));
            t.exec << timer.nsecsElapsed() / 1e6;
            // ... and with the values written in (as psql gets them)
            timer.restart();
            for (const BoundStatement &st : warm.sent)
                check(c.exec(inlined(st, c)).ok(), QStringLiteral("exec"));
            t.literal << timer.nsecsElapsed() / 1e6;
        };
        for (int r = 0; r < runs; ++r) {
            if (r % 2) {
                runOurs();
                runPsql();
            } else {
                runPsql();
                runOurs();
            }
        }
        return t;
    }

    // One panel and range: a warm-up run (its statements are the ones psql runs), the timed
    // runs, the table's row.
    void measure(MetricsPanel panel, int days)
    {
        const MetricsRequest req = request(panel, days);
        MetricsQuery query(c);
        const MetricsResult warm = query.run(req); // warm cache, and the statements
        check(warm.ok(), warm.error.toString());
        qsizetype points = 0;
        for (const MetricsSeries &s : warm.series)
            points += s.points.size();
        listAndExplain(panel, days, warm);
        const Runs t = alternate(query, req, warm);
        const double ours = median(t.ours), base = median(t.psql), exec = median(t.exec);
        worst = std::max(worst, ours / base);
        QList<double> pairs;
        for (qsizetype r = 0; r < t.ours.size(); ++r)
            pairs << t.ours.at(r) / t.psql.at(r);
        const double paired = median(pairs);
        worstPaired = std::max(worstPaired, paired);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                   .arg(metricsPanelName(panel), -13)
                   .arg(QStringLiteral("%1d").arg(days), -6)
                   .arg(warm.bucket.label(), -7)
                   .arg(warm.series.size(), 6)
                   .arg(points, 7)
                   .arg(ours, 9, 'f', 1)
                   .arg(base, 9, 'f', 1)
                   .arg(ours / base, 6, 'f', 2)
                   .arg(paired, 7, 'f', 2)
                   .arg(exec, 9, 'f', 1)
                   .arg(median(t.literal), 10, 'f', 1)
            << Qt::flush;
    }

    void printWorst() const
    {
        out << QStringLiteral(
                   "worst ratio ours/psql: %1 of the medians, %2 paired (target <= 1.1, paired)\n")
                   .arg(worst, 0, 'f', 2)
                   .arg(worstPaired, 0, 'f', 2);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    std::unique_ptr<QTemporaryDir> temp;
    std::unique_ptr<Sandbox> sandbox;
    const QString conninfo = databaseConninfo(parser, temp, sandbox);
    PgConnection c;
    check(c.open(conninfo, QStringLiteral("bench_dashboard")), c.connectionError());
    prepareData(c, parser.value(QStringLiteral("scale")).toLongLong());
    DashboardBench bench{c, conninfo, runs, printData(c, runs)};
    bench.percentiles = parser.isSet(QStringLiteral("percentiles"));
    bench.list = parser.isSet(QStringLiteral("list"));
    bench.explain = parser.isSet(QStringLiteral("explain"));
    bench.readSettings();

    printTableHeader();
    for (MetricsPanel panel : {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
                               MetricsPanel::Interactions, MetricsPanel::Tokens}) {
        if (parser.isSet(QStringLiteral("panel"))
            && parser.value(QStringLiteral("panel")) != metricsPanelName(panel))
            continue;
        for (int days : {7, 90}) {
            if (parser.isSet(QStringLiteral("range"))
                && parser.value(QStringLiteral("range")) != QStringLiteral("%1d").arg(days))
                continue;
            bench.measure(panel, days);
        }
    }
    bench.printWorst();
    return 0;
}
