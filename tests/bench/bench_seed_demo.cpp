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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<qint64> scales;
    int runs = 0;
    quint64 seed = 42;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            seed = args[++i].toULongLong();
        else
            scales << args[i].toLongLong();
    }
    if (scales.isEmpty())
        scales = {1000000, 10000000};
    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    const Status started = sandbox.start(Sandbox::Options{false, false});
    check(started.ok(), QStringLiteral("sandbox: %1").arg(started.error().toString()));
    // A migrated template: every load starts from a copy of it.
    const Status made
        = sandbox.createDatabase(QStringLiteral("bench_template"), QStringLiteral("template0"));
    check(made.ok(), made.error().toString());
    {
        PgConnection c;
        check(c.open(sandbox.conninfo(QStringLiteral("bench_template"))), c.connectionError());
        MigrationSource source;
        check(source.load(MigrationSource::bundledDir()), source.errors().join(u'\n'));
        MigrationRunner runner(c, source.migrations(), MigrationRunner::Options{});
        const RunResult r = runner.up();
        check(r.ok(), r.message);
    }
    int dbNumber = 0;
    auto fresh = [&] {
        const QString name = QStringLiteral("bench_%1").arg(++dbNumber);
        const Status copied = sandbox.createDatabase(name, QStringLiteral("bench_template"));
        check(copied.ok(), copied.error().toString());
        PgConnection c;
        check(c.open(sandbox.conninfo(name)), c.connectionError());
        c.exec("CHECKPOINT");
        return name;
    };
    auto drop = [&](const QString &name) {
        const Status dropped = sandbox.dropDatabase(name);
        check(dropped.ok(), dropped.error().toString());
        PgConnection c;
        if (c.open(sandbox.conninfo()))
            c.exec("CHECKPOINT");
    };

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
    for (const qint64 n : scales) {
        const DemoDataPlan plan = DemoDataPlan::forScale(n);
        const int reps = runs > 0 ? runs : n <= 2000000 ? 3 : 1;
        DemoDataOptions options;
        options.seed = seed;
        // The CSV files of the metric tables, written once per scale with our generator.
        const QString paCsv = work.filePath(QStringLiteral("persona_analytics.csv"));
        const QString acmCsv = work.filePath(QStringLiteral("agent_capability_metrics.csv"));
        double genSeconds = 0;
        {
            DemoDataGenerator g(plan, options);
            genSeconds += writeCsv(g, DemoTable::PersonaAnalytics, paCsv);
            genSeconds += writeCsv(g, DemoTable::AgentCapabilityMetrics, acmCsv);
        }
        out << QStringLiteral(
                   "\nN = %1 metric rows (%2 persona_analytics + %3 agent_capability_metrics; "
                   "%4 rows in all), %5 run(s); CSV %6 MB written in %7 s by the generator "
                   "(%8 rows/s, disk included)\n")
                   .arg(num(n), num(plan.rowsOf(DemoTable::PersonaAnalytics)),
                        num(plan.rowsOf(DemoTable::AgentCapabilityMetrics)), num(plan.totalRows()))
                   .arg(reps)
                   .arg((QFileInfo(paCsv).size() + QFileInfo(acmCsv).size()) / 1000000)
                   .arg(genSeconds, 0, 'f', 1)
                   .arg(num(double(n) / genSeconds))
            << Qt::flush;
        QList<double> ours, oursWhole, psql, ratios;
        auto runPsql = [&] {
            // psql: the other tables untimed, then both metric tables in one transaction
            const QString db = fresh();
            {
                PgConnection c;
                check(c.open(sandbox.conninfo(db)), c.connectionError());
                DemoDataGenerator g(plan, options);
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
                    .arg(tableWithColumns(DemoTable::PersonaAnalytics), paCsv),
                QStringLiteral("-c"),
                QStringLiteral("\\copy %1 from '%2' csv")
                    .arg(tableWithColumns(DemoTable::AgentCapabilityMetrics), acmCsv)};
            QElapsedTimer t;
            t.start();
            p.start(QStringLiteral("psql"), psqlArgs);
            p.waitForFinished(-1);
            psql << double(t.nsecsElapsed()) / 1e9;
            check(p.exitCode() == 0,
                  QStringLiteral("psql failed: %1")
                      .arg(QString::fromUtf8(p.readAllStandardOutput())));
            drop(db);
        };
        auto runOurs = [&] {
            // ours: the whole 'seed demo' command; metric tables' COPY time from its report
            const QString db = fresh();
            QProcess q;
            q.setProcessChannelMode(QProcess::SeparateChannels);
            QElapsedTimer t;
            t.start();
            q.start(migrate,
                    {QStringLiteral("--db"), sandbox.conninfo(db), QStringLiteral("--json"),
                     QStringLiteral("seed"), QStringLiteral("demo"), QStringLiteral("--scale"),
                     QString::number(n), QStringLiteral("--seed-value"), QString::number(seed)});
            q.waitForFinished(-1);
            oursWhole << double(t.nsecsElapsed()) / 1e9;
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
            ours << metricSeconds;
            drop(db);
        };
        for (int r = 0; r < reps; ++r) {
            // alternate the order, so that neither load always follows the other
            if (r % 2 == 0) {
                runPsql();
                runOurs();
            } else {
                runOurs();
                runPsql();
            }
            out << QStringLiteral("  run %1: psql \\copy %2 s (%3 rows/s); seed demo metric tables "
                                  "%4 s (%5 rows/s), "
                                  "whole command %6 s")
                       .arg(r + 1)
                       .arg(psql.last(), 0, 'f', 1)
                       .arg(num(double(n) / psql.last()))
                       .arg(ours.last(), 0, 'f', 1)
                       .arg(num(double(n) / ours.last()))
                       .arg(oursWhole.last(), 0, 'f', 1)
                << QStringLiteral(", ratio ours/psql %1\n")
                       .arg(psql.last() / ours.last(), 0, 'f', 2)
                << Qt::flush;
            ratios << psql.last() / ours.last();
        }
        const double mp = median(psql), mo = median(ours), mw = median(oursWhole);
        out << QStringLiteral(
                   "median N=%1: psql %2 s = %3 rows/s; seed demo %4 s = %5 rows/s "
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
                   .arg(median(ratios), 0, 'f', 2)
            << Qt::flush;
        QFile::remove(paCsv);
        QFile::remove(acmCsv);
    }
    sandbox.stop();
    return 0;
}
