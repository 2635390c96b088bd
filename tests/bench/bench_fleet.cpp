// Benchmark: uaip-migrate fleet --parallel 4 up over N tenant databases against a shell loop of
// uaip-migrate up, one database after the other (what users do today), each on fresh tenants
// of the same template; and the per-target overhead beyond the migrations themselves (the
// fleet's per-target duration, connect to done, minus the same SQL run straight over an open
// connection). Target: fleet <= 0.6x the loop on 2 cores.
//   bench_fleet [N,N,...=60,200] [parallel=4]
#include "db/pgconnection.h"
#include "fleettestutil.h"
#include "migrationfolder.h"
#include "testcluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace uaip;
using namespace uaip::test;

namespace {

const QList<QByteArray> kUp{
    "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz "
    "NOT NULL DEFAULT now());\n",
    "CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users, body text);\n"
    "CREATE INDEX posts_user_idx ON posts (user_id);\n",
    "CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);\n"
    "ALTER TABLE posts ADD COLUMN tag_id int REFERENCES tags;\n"};

QString binary()
{
    const QString env = qEnvironmentVariable("UAIP_MIGRATE_BIN");
    return env.isEmpty()
        ? QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate")
        : env;
}

qint64 runTimed(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        QTextStream(stderr) << program << " failed: " << p.readAllStandardError() << "\n";
        ::exit(1);
    }
    if (out)
        *out = p.readAllStandardOutput();
    return t.elapsed();
}

// The fleet's figures for one size: its wall time, the rerun's and its mean per-target duration.
struct FleetRun
{
    qint64 fleetMs = 0;
    qint64 rerunMs = 0;
    double meanTargetMs = 0;
};

// The measurements over n fresh tenants each, on the shared sandbox with the folder of kUp.
struct FleetBench
{
    Sandbox &sandbox;
    const MigrationFolder &folder;
    const QTemporaryDir &tmp;
    int parallel = 4;

    // The shell loop: uaip-migrate up per database.
    qint64 loop(int n) const
    {
        FleetTenants tenants(sandbox, n);
        const QString script = tmp.filePath(QStringLiteral("loop.sh"));
        QByteArray text = "set -e\n";
        for (int i = 1; i <= n; ++i)
            text += "'" + binary().toUtf8() + "' --dir '" + folder.path().toUtf8() + "' --db '"
                + fleetUri(sandbox, tenants.tenant(i), fleetRole()).toUtf8() + "' up >/dev/null\n";
        writeFile(script, text);
        return runTimed(QStringLiteral("bash"), {script});
    }

    // The fleet, then the same command again: every target up to date (one status read each).
    FleetRun fleet(int n) const
    {
        FleetRun run;
        FleetTenants tenants(sandbox, n);
        const QString targets = tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(targets, tenants.lines(1, n));
        QByteArray json;
        run.fleetMs = runTimed(binary(),
                               {QStringLiteral("--dir"), folder.path(), QStringLiteral("--json"),
                                QStringLiteral("fleet"), QStringLiteral("--targets"), targets,
                                QStringLiteral("--parallel"), QString::number(parallel),
                                QStringLiteral("up")},
                               &json);
        const QJsonArray list
            = QJsonDocument::fromJson(json).object().value(QStringLiteral("targets")).toArray();
        for (const QJsonValue &v : list)
            run.meanTargetMs += v.toObject().value(QStringLiteral("duration_ms")).toDouble();
        run.meanTargetMs /= qMax<qsizetype>(1, list.size());
        run.rerunMs = runTimed(binary(),
                               {QStringLiteral("--dir"), folder.path(), QStringLiteral("fleet"),
                                QStringLiteral("--targets"), targets, QStringLiteral("--parallel"),
                                QString::number(parallel), QStringLiteral("up")});
        return run;
    }

    // The migrations alone: the same SQL, a transaction each, over open connections (mean ms
    // a target, over up to 20 targets).
    double migrationsAlone(int n) const
    {
        double rawMs = 0;
        const int samples = qMin(n, 20);
        FleetTenants tenants(sandbox, samples);
        for (int i = 1; i <= samples; ++i) {
            auto c = tenants.admin(i);
            QElapsedTimer t;
            t.start();
            for (const QByteArray &sql : kUp) {
                c->exec("BEGIN");
                c->exec(sql);
                c->exec("COMMIT");
            }
            rawMs += double(t.nsecsElapsed()) / 1e6;
        }
        return rawMs / samples;
    }

    void report(QTextStream &out, int n, qint64 loopMs, const FleetRun &run, double rawMs) const
    {
        out << QStringLiteral("%1 databases: loop %2 ms (%3 ms a database), fleet --parallel %4 "
                              "%5 ms: ratio %6x (goal <= 0.6x)\n")
                   .arg(n)
                   .arg(loopMs)
                   .arg(double(loopMs) / n, 0, 'f', 1)
                   .arg(parallel)
                   .arg(run.fleetMs)
                   .arg(double(run.fleetMs) / double(loopMs), 0, 'f', 2);
        out << QStringLiteral("  per target: fleet %1 ms (connect .. done), the migrations "
                              "alone %2 ms, overhead %3 ms; wall time a target %4 ms\n")
                   .arg(run.meanTargetMs, 0, 'f', 1)
                   .arg(rawMs, 0, 'f', 1)
                   .arg(run.meanTargetMs - rawMs, 0, 'f', 1)
                   .arg(double(run.fleetMs) / n, 0, 'f', 1);
        out << QStringLiteral("  rerun, all up to date: %1 ms (%2 ms a target)\n")
                   .arg(run.rerunMs)
                   .arg(double(run.rerunMs) / n, 0, 'f', 1);
        out.flush();
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QList<int> sizes{60, 200};
    if (args.size() > 1) {
        sizes.clear();
        for (const QString &n : args.at(1).split(u','))
            sizes << n.toInt();
    }
    const int parallel = args.size() > 2 ? args.at(2).toInt() : 4;
    Sandbox &sandbox = TestCluster::sandbox();
    MigrationFolder folder;
    for (int i = 0; i < kUp.size(); ++i)
        folder.add(QStringLiteral("%1_m%1").arg(i + 1, 4, 10, QLatin1Char('0')), kUp[i]);
    QTemporaryDir tmp;
    const FleetBench bench{sandbox, folder, tmp, parallel};
    QTextStream out(stdout);
    out << "bench_fleet: " << kUp.size() << " migrations a target, --parallel " << parallel
        << ", a non-owner role with a hostile name\n";
    for (const int n : sizes) {
        const qint64 loopMs = bench.loop(n);
        const FleetRun run = bench.fleet(n);
        const double rawMs = bench.migrationsAlone(n);
        bench.report(out, n, loopMs, run, rawMs);
    }
    return 0;
}
