// Benchmark: 'uaip-migrate seed demo --scale N' (generated rows streamed with COPY FROM STDIN)
// against psql's \copy of the same rows from CSV files, in one run, each load on a fresh
// migrated database of a private sandbox. Only the metric tables are timed for psql (the
// other tables are loaded untimed first, so both loads meet the same foreign keys and
// indexes); for ours the metric tables' COPY time is taken from the command's JSON report,
// and the whole command's wall time is printed too. Prints medians, metric rows/s and the
// ratio ours/psql (target >= 0.80).
//   bench_seed_demo [N ...] [--runs R] [--seed S]     default: 1000000 10000000
#include "db/pgconnection.h"
#include "db/pgcopy.h"
#include "db/sandbox.h"
#include "demo/copyrowwriter.h"
#include "demo/demodatagenerator.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using namespace uaip;

namespace {

QTextStream out(stdout);

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

QString num(double v)
{
    return QLocale::c().toString(qint64(v));
}

void check(bool ok, const QString &what)
{
    if (!ok)
        qFatal("%s", qPrintable(what));
}

// "persona_analytics (id, persona_id, ...)" from the embedded COPY statement.
QString tableWithColumns(DemoTable table)
{
    QString sql;
    for (const QString &line : QString::fromUtf8(demoTableCopySql(table)).split(u'\n'))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            sql += line + u' ';
    static const QRegularExpression re(QStringLiteral("COPY\\s+(.*?)\\s+FROM\\s+STDIN"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(sql);
    check(m.hasMatch(), QStringLiteral("unexpected COPY statement: %1").arg(sql));
    return m.captured(1).simplified();
}

// Streams the generator's rows of 'table' into the database with COPY (untimed set-up).
void copyTable(PgConnection &c, DemoDataGenerator &g, DemoTable table)
{
    PgResult r = c.exec(demoTableCopySql(table));
    check(r.status() == PgResult::Status::CopyIn, r.error().toString());
    QByteArray buffer;
    while (!g.finished(table)) {
        buffer.clear();
        CopyRowWriter w(&buffer);
        g.fill(table, w, 1 << 20);
        check(PgCopy::put(c, buffer), QStringLiteral("putCopyData failed"));
    }
    PgResult end = PgCopy::end(c);
    check(end.ok(), end.error().toString());
}

// Writes the generator's rows of 'table' as CSV; returns the seconds it took.
double writeCsv(DemoDataGenerator &g, DemoTable table, const QString &path)
{
    QElapsedTimer t;
    t.start();
    QFile f(path);
    check(f.open(QIODevice::WriteOnly | QIODevice::Truncate), path);
    QByteArray buffer;
    while (!g.finished(table)) {
        buffer.clear();
        CopyRowWriter w(&buffer, CopyRowWriter::Format::Csv);
        g.fill(table, w, 1 << 20);
        check(f.write(buffer) == buffer.size(), QStringLiteral("write %1").arg(path));
    }
    return double(t.nsecsElapsed()) / 1e9;
}

struct Arguments
{
    QList<qint64> scales;
    int runs = 0;
    quint64 seed = 42;
};

// [N ...] [--runs R] [--seed S]; the scales default to 1000000 10000000.
Arguments parseArguments(const QStringList &args)
{
    Arguments a;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            a.runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            a.seed = args[++i].toULongLong();
        else
            a.scales << args[i].toLongLong();
    }
    if (a.scales.isEmpty())
        a.scales = {1000000, 10000000};
    return a;
}

// A migrated template: every load starts from a copy of it.
void createTemplate(Sandbox &sandbox)
{
    const Status made
        = sandbox.createDatabase(QStringLiteral("bench_template"), QStringLiteral("template0"));
    check(made.ok(), made.error().toString());
    PgConnection c;
    check(c.open(sandbox.conninfo(QStringLiteral("bench_template"))), c.connectionError());
    MigrationSource source;
    check(source.load(MigrationSource::bundledDir()), source.errors().join(u'\n'));
    MigrationRunner runner(c, source.migrations(), MigrationRunner::Options{});
    const RunResult r = runner.up();
    check(r.ok(), r.message);
}

void printHeader(const Sandbox &sandbox)
{
    int serverVersion = 0;
    {
        PgConnection c;
        if (c.open(sandbox.conninfo()))
            serverVersion = c.serverVersion();
    }
    out << "bench_seed_demo: seed demo vs psql \\copy ... csv of the same rows, PostgreSQL "
        << serverVersion / 10000 << " sandbox (fsync off) over a Unix socket, "
        << QThread::idealThreadCount() << " cores\n"
        << Qt::flush;
}

// One scale: the plan, the generator's options and the CSV files of the metric tables.
struct Scale
{
    qint64 n = 0;
    DemoDataPlan plan;
    DemoDataOptions options;
    QString paCsv; // persona_analytics
    QString acmCsv; // agent_capability_metrics
};

// Every run's times at one scale, in seconds, and each run's ratio ours/psql.
struct ScaleRuns
{
    QList<double> ours, oursWhole, psql, ratios;
};

// The CSV files of the metric tables, written once per scale with our generator; prints the
// scale's line.
void writeCsvFiles(const Scale &s, int reps)
{
    double genSeconds = 0;
    {
        DemoDataGenerator g(s.plan, s.options);
        genSeconds += writeCsv(g, DemoTable::PersonaAnalytics, s.paCsv);
        genSeconds += writeCsv(g, DemoTable::AgentCapabilityMetrics, s.acmCsv);
    }
    out << QStringLiteral(
               "\nN = %1 metric rows (%2 persona_analytics + %3 agent_capability_metrics; "
               "%4 rows in all), %5 run(s); CSV %6 MB written in %7 s by the generator "
               "(%8 rows/s, disk included)\n")
               .arg(num(s.n), num(s.plan.rowsOf(DemoTable::PersonaAnalytics)),
                    num(s.plan.rowsOf(DemoTable::AgentCapabilityMetrics)), num(s.plan.totalRows()))
               .arg(reps)
               .arg((QFileInfo(s.paCsv).size() + QFileInfo(s.acmCsv).size()) / 1000000)
               .arg(genSeconds, 0, 'f', 1)
               .arg(num(double(s.n) / genSeconds))
        << Qt::flush;
}

void printRun(int r, qint64 n, const ScaleRuns &runs)
{
    out << QStringLiteral("  run %1: psql \\copy %2 s (%3 rows/s); seed demo metric tables "
                          "%4 s (%5 rows/s), "
                          "whole command %6 s")
               .arg(r + 1)
               .arg(runs.psql.last(), 0, 'f', 1)
               .arg(num(double(n) / runs.psql.last()))
               .arg(runs.ours.last(), 0, 'f', 1)
               .arg(num(double(n) / runs.ours.last()))
               .arg(runs.oursWhole.last(), 0, 'f', 1)
        << QStringLiteral(", ratio ours/psql %1\n")
               .arg(runs.psql.last() / runs.ours.last(), 0, 'f', 2)
        << Qt::flush;
}

void printMedians(qint64 n, const ScaleRuns &runs)
{
    const double mp = median(runs.psql), mo = median(runs.ours), mw = median(runs.oursWhole);
    out << QStringLiteral("median N=%1: psql %2 s = %3 rows/s; seed demo %4 s = %5 rows/s "
                          "(whole command %6 s = %7 rows/s); ratio ours/psql %8 (target >= 0.80)\n")
               .arg(num(n))
               .arg(mp, 0, 'f', 1)
               .arg(num(double(n) / mp))
               .arg(mo, 0, 'f', 1)
               .arg(num(double(n) / mo))
               .arg(mw, 0, 'f', 1)
               .arg(num(double(n) / mw))
               .arg(mp / mo, 0, 'f', 2)
        << QStringLiteral("median of the per-run ratios (same conditions within a run): %1\n")
               .arg(median(runs.ratios), 0, 'f', 2)
        << Qt::flush;
}

// The loads, each on a fresh copy of the template in the sandbox.
struct SeedBench
{
    Sandbox &sandbox;
    quint64 seed = 42;
    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");
    int dbNumber = 0;

    QString fresh()
    {
        const QString name = QStringLiteral("bench_%1").arg(++dbNumber);
        const Status copied = sandbox.createDatabase(name, QStringLiteral("bench_template"));
        check(copied.ok(), copied.error().toString());
        PgConnection c;
        check(c.open(sandbox.conninfo(name)), c.connectionError());
        c.exec("CHECKPOINT");
        return name;
    }

    void drop(const QString &name)
    {
        const Status dropped = sandbox.dropDatabase(name);
        check(dropped.ok(), dropped.error().toString());
        PgConnection c;
        if (c.open(sandbox.conninfo()))
            c.exec("CHECKPOINT");
    }

    // psql: the other tables untimed, then both metric tables in one transaction (seconds).
    double psqlLoad(const Scale &s)
    {
        const QString db = fresh();
        {
            PgConnection c;
            check(c.open(sandbox.conninfo(db)), c.connectionError());
            DemoDataGenerator g(s.plan, s.options);
            for (DemoTable t : kDemoTables)
                if (!demoTableIsMetric(t))
                    copyTable(c, g, t);
            c.exec("CHECKPOINT");
        }
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QStringList psqlArgs{
            QStringLiteral("-X"),
            QStringLiteral("-q"),
            QStringLiteral("-1"),
            QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-d"),
            sandbox.conninfo(db),
            QStringLiteral("-c"),
            QStringLiteral("\\copy %1 from '%2' csv")
                .arg(tableWithColumns(DemoTable::PersonaAnalytics), s.paCsv),
            QStringLiteral("-c"),
            QStringLiteral("\\copy %1 from '%2' csv")
                .arg(tableWithColumns(DemoTable::AgentCapabilityMetrics), s.acmCsv)};
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral("psql"), psqlArgs);
        p.waitForFinished(-1);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        check(p.exitCode() == 0,
              QStringLiteral("psql failed: %1").arg(QString::fromUtf8(p.readAllStandardOutput())));
        drop(db);
        return seconds;
    }

    // ours: the whole 'seed demo' command (into runs.oursWhole); the metric tables' COPY time
    // from its report (into runs.ours).
    void seedDemo(const Scale &s, ScaleRuns &runs)
    {
        const QString db = fresh();
        QProcess q;
        q.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer t;
        t.start();
        q.start(migrate,
                {QStringLiteral("--db"), sandbox.conninfo(db), QStringLiteral("--json"),
                 QStringLiteral("seed"), QStringLiteral("demo"), QStringLiteral("--scale"),
                 QString::number(s.n), QStringLiteral("--seed-value"), QString::number(seed)});
        q.waitForFinished(-1);
        runs.oursWhole << double(t.nsecsElapsed()) / 1e9;
        const QJsonObject report = QJsonDocument::fromJson(q.readAllStandardOutput()).object();
        check(q.exitCode() == 0 && report.value(QStringLiteral("ok")).toBool(),
              QStringLiteral("seed demo failed: %1")
                  .arg(QString::fromUtf8(q.readAllStandardError())));
        double metricSeconds = 0;
        for (const QJsonValue &tv : report.value(QStringLiteral("tables")).toArray()) {
            const QJsonObject to = tv.toObject();
            const QString name = to.value(QStringLiteral("table")).toString();
            if (name == QLatin1String("persona_analytics")
                || name == QLatin1String("agent_capability_metrics"))
                metricSeconds += to.value(QStringLiteral("ms")).toDouble() / 1000.0;
        }
        runs.ours << metricSeconds;
        drop(db);
    }

    // The loads at scale n: `runs` runs (0: 3 up to 2,000,000 rows, else 1).
    void runScale(const QTemporaryDir &work, qint64 n, int runs)
    {
        Scale s;
        s.n = n;
        s.plan = DemoDataPlan::forScale(n);
        const int reps = runs > 0 ? runs : n <= 2000000 ? 3 : 1;
        s.options.seed = seed;
        s.paCsv = work.filePath(QStringLiteral("persona_analytics.csv"));
        s.acmCsv = work.filePath(QStringLiteral("agent_capability_metrics.csv"));
        writeCsvFiles(s, reps);
        ScaleRuns times;
        for (int r = 0; r < reps; ++r) {
            // alternate the order, so that neither load always follows the other
            if (r % 2 == 0) {
                times.psql << psqlLoad(s);
                seedDemo(s, times);
            } else {
                seedDemo(s, times);
                times.psql << psqlLoad(s);
            }
            printRun(r, n, times);
            times.ratios << times.psql.last() / times.ours.last();
        }
        printMedians(n, times);
        QFile::remove(s.paCsv);
        QFile::remove(s.acmCsv);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Arguments args = parseArguments(app.arguments().mid(1));

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    const Status started = sandbox.start(Sandbox::Options{false, false});
    check(started.ok(), QStringLiteral("sandbox: %1").arg(started.error().toString()));
    createTemplate(sandbox);
    printHeader(sandbox);
    SeedBench bench{sandbox, args.seed};
    for (const qint64 n : args.scales)
        bench.runScale(work, n, args.runs);
    sandbox.stop();
    return 0;
}
