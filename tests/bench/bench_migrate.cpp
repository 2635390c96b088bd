// Benchmark: uaip-migrate up / down --all against psql -X -1 -f of the same SQL, in one run,
// each on a fresh database: the default (a transaction per migration) and --single-transaction
// (one transaction, as psql -1). Prints every run's times and the medians of the paired ratios
// (each run's ours over the psql run beside it; target: up and down <= 1.15x psql).
//   bench_migrate [N=200] [repetitions=5]
#include "benchratios.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "migrationfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace uaip;
using namespace uaip::bench;

namespace {

struct Generated
{
    QByteArray allUp;
    QByteArray allDown; // newest first
    // The same with BEGIN and COMMIT around each migration: what the default mode's
    // transactions are, for psql without -1
    QByteArray eachUp;
    QByteArray eachDown;
};

// The up and down SQL of migration i.
struct Step
{
    QByteArray up;
    QByteArray down;
};

// Realistic migrations: tables with uuid/jsonb/FKs, enums, indexes, CHECKs, added columns and
// seed inserts, cycling through five shapes.
Step step(int i)
{
    const QByteArray t = "entity_" + QByteArray::number(i);
    const QByteArray prev = "entity_" + QByteArray::number(i - 1);
    QByteArray up;
    QByteArray down;
    switch (i % 5) {
    case 1:
        up = "CREATE TYPE " + t
            + "_status AS ENUM ('draft', 'active', 'archived');\n"
              "CREATE TABLE "
            + t
            + " (\n  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n"
              "  name varchar(255) NOT NULL,\n  status "
            + t
            + "_status NOT NULL DEFAULT 'draft',\n"
              "  settings jsonb NOT NULL DEFAULT '{}',\n  score numeric(3,2) CHECK (score "
              "BETWEEN 0 AND 1),\n"
              "  created_at timestamptz NOT NULL DEFAULT now()\n);\n"
              "CREATE INDEX "
            + t + "_status_idx ON " + t + " (status, created_at);\n";
        down = "DROP TABLE " + t + ";\nDROP TYPE " + t + "_status;\n";
        break;
    case 2:
        up = "CREATE TABLE " + t
            + " (\n  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n"
              "  parent_id uuid NOT NULL REFERENCES "
            + prev
            + " (id) ON DELETE CASCADE,\n"
              "  tags jsonb NOT NULL DEFAULT '[]',\n  amount numeric(10,4) NOT NULL DEFAULT 0 "
              "CHECK (amount >= 0)\n);\n"
              "CREATE INDEX "
            + t + "_parent_idx ON " + t
            + " (parent_id);\n"
              "CREATE INDEX "
            + t + "_tags_idx ON " + t + " USING gin (tags);\n";
        down = "DROP TABLE " + t + ";\n";
        break;
    case 3:
        up = "CREATE TABLE " + t
            + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text NOT NULL "
              "UNIQUE);\n"
              "INSERT INTO "
            + t + " (label) SELECT 'label-' || g FROM generate_series(1, 20) g;\n";
        down = "DROP TABLE " + t + ";\n";
        break;
    case 4:
        up = "ALTER TABLE " + prev
            + " ADD COLUMN note text;\n"
              "ALTER TABLE "
            + prev
            + " ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();\n"
              "CREATE INDEX "
            + prev + "_updated_idx ON " + prev + " (updated_at);\n";
        down = "DROP INDEX " + prev + "_updated_idx;\nALTER TABLE " + prev
            + " DROP COLUMN updated_at;\n"
              "ALTER TABLE "
            + prev + " DROP COLUMN note;\n";
        break;
    default:
        up = "CREATE FUNCTION " + t
            + "_touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
              "BEGIN\n  NEW.label := lower(NEW.label);\n  RETURN NEW;\nEND;\n$$;\n"
              "CREATE TRIGGER "
            + t + "_touch BEFORE INSERT OR UPDATE ON entity_" + QByteArray::number(i - 2)
            + "\n  FOR EACH ROW EXECUTE FUNCTION " + t + "_touch();\n";
        down = "DROP TRIGGER " + t + "_touch ON entity_" + QByteArray::number(i - 2)
            + ";\n"
              "DROP FUNCTION "
            + t + "_touch();\n";
        break;
    }
    return {up, down};
}

// The n migrations of step() into the folder, and the same SQL as scripts for psql.
Generated generate(test::MigrationFolder &folder, int n)
{
    Generated g;
    QList<QByteArray> downs;
    for (int i = 1; i <= n; ++i) {
        const auto [up, down] = step(i);
        folder.add(QStringLiteral("%1_step_%2").arg(i, 4, 10, QLatin1Char('0')).arg(i), up, down);
        g.allUp += up;
        g.eachUp += "BEGIN;\n" + up + "COMMIT;\n";
        downs.prepend(down);
    }
    for (const QByteArray &d : downs) {
        g.allDown += d;
        g.eachDown += "BEGIN;\n" + d + "COMMIT;\n";
    }
    return g;
}

// The generated SQL as the files psql runs.
struct SqlFiles
{
    QString up;
    QString down;
    QString eachUp;
    QString eachDown;
};

SqlFiles writeSqlFiles(const QString &dir, const Generated &g)
{
    const SqlFiles files{dir + QStringLiteral("/all_up.sql"), dir + QStringLiteral("/all_down.sql"),
                         dir + QStringLiteral("/each_up.sql"),
                         dir + QStringLiteral("/each_down.sql")};
    for (const auto &[file, sql] :
         {std::pair{files.up, g.allUp}, std::pair{files.down, g.allDown},
          std::pair{files.eachUp, g.eachUp}, std::pair{files.eachDown, g.eachDown}}) {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(sql);
    }
    return files;
}

// The runs, each on fresh databases of the sandbox, and every run's times.
struct MigrateBench
{
    Sandbox &sandbox;
    const test::MigrationFolder &folder;
    const SqlFiles &files;
    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");
    // psql itself, not Debian's pg_wrapper on PATH (a Perl script that adds ~40 ms a run)
    const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));
    const QStringList psqlBase{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-1"),
                               QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")};
    int db = 0;
    QList<double> psqlUp{}, oursUp{}, psqlDown{}, oursDown{}, oursStatus{}, oneUp{}, oneDown{},
        eachUp{}, eachDown{};

    QString fresh()
    {
        const QString name = QStringLiteral("bench_%1").arg(++db);
        if (const Status made = sandbox.createDatabase(name, QStringLiteral("template0")); !made)
            qFatal("%s", qPrintable(made.error().toString()));
        return sandbox.conninfo(name);
    }

    // The baselines: psql up, then down, each file in one transaction; then with a
    // transaction per migration, as the default mode runs them (no -1).
    void runPsql()
    {
        QString c = fresh();
        psqlUp << timeProcess(
            psql, psqlBase + QStringList{QStringLiteral("-d"), c, QStringLiteral("-f"), files.up});
        psqlDown << timeProcess(
            psql,
            psqlBase + QStringList{QStringLiteral("-d"), c, QStringLiteral("-f"), files.down});
        c = fresh();
        QStringList perMigration = psqlBase;
        perMigration.removeAll(QStringLiteral("-1"));
        eachUp << timeProcess(
            psql,
            perMigration
                + QStringList{QStringLiteral("-d"), c, QStringLiteral("-f"), files.eachUp});
        eachDown << timeProcess(
            psql,
            perMigration
                + QStringList{QStringLiteral("-d"), c, QStringLiteral("-f"), files.eachDown});
    }

    // uaip-migrate: the default mode (up, status, down --all), then --single-transaction.
    void runOurs()
    {
        // a transaction, ledger row, checksum and event per migration, under the lock
        QString c = fresh();
        oursUp << timeProcess(migrate,
                              {QStringLiteral("--db"), c, QStringLiteral("--dir"), folder.path(),
                               QStringLiteral("up")});
        // fixed cost of a run: start, read and parse the 200 folders, read the ledger
        oursStatus << timeProcess(migrate,
                                  {QStringLiteral("--db"), c, QStringLiteral("--dir"),
                                   folder.path(), QStringLiteral("--json"),
                                   QStringLiteral("status")});
        oursDown << timeProcess(migrate,
                                {QStringLiteral("--db"), c, QStringLiteral("--dir"), folder.path(),
                                 QStringLiteral("down"), QStringLiteral("--all")});
        // --single-transaction: the same plan in one transaction, as psql -1 runs it
        c = fresh();
        oneUp << timeProcess(migrate,
                             {QStringLiteral("--db"), c, QStringLiteral("--dir"), folder.path(),
                              QStringLiteral("up"), QStringLiteral("--single-transaction")});
        oneDown << timeProcess(migrate,
                               {QStringLiteral("--db"), c, QStringLiteral("--dir"), folder.path(),
                                QStringLiteral("down"), QStringLiteral("--all"),
                                QStringLiteral("--single-transaction")});
    }

    void printRun(QTextStream &out, int r) const
    {
        out << QStringLiteral("  run %1: up psql -1 %2 ms, one transaction %3 ms | psql per "
                              "migration %4 ms, ours %5 ms; down psql -1 %6 ms, one transaction "
                              "%7 ms | psql per migration %8 ms, ours %9 ms\n")
                   .arg(r + 1)
                   .arg(psqlUp.last(), 0, 'f', 1)
                   .arg(oneUp.last(), 0, 'f', 1)
                   .arg(eachUp.last(), 0, 'f', 1)
                   .arg(oursUp.last(), 0, 'f', 1)
                   .arg(psqlDown.last(), 0, 'f', 1)
                   .arg(oneDown.last(), 0, 'f', 1)
                   .arg(eachDown.last(), 0, 'f', 1)
                   .arg(oursDown.last(), 0, 'f', 1)
            << Qt::flush;
    }

    // The medians and the paired ratios of all runs.
    void report(QTextStream &out) const
    {
        const double pu = median(psqlUp), ou = median(oursUp), pd = median(psqlDown),
                     od = median(oursDown);
        out << QStringLiteral(
                   "default (a transaction per migration):\n"
                   "median up:   psql %1 ms, uaip-migrate %2 ms, ratio %3 (target <= 1.15)\n")
                   .arg(pu, 0, 'f', 1)
                   .arg(ou, 0, 'f', 1)
                   .arg(ou / pu, 0, 'f', 2);
        out << QStringLiteral(
                   "median down: psql %1 ms, uaip-migrate %2 ms, ratio %3 (target <= 1.15)\n")
                   .arg(pd, 0, 'f', 1)
                   .arg(od, 0, 'f', 1)
                   .arg(od / pd, 0, 'f', 2);
        out << QStringLiteral("--single-transaction: median up %1 ms, ratio %2; down %3 ms, "
                              "ratio %4 (target <= 1.15)\n")
                   .arg(median(oneUp), 0, 'f', 1)
                   .arg(median(oneUp) / pu, 0, 'f', 2)
                   .arg(median(oneDown), 0, 'f', 1)
                   .arg(median(oneDown) / pd, 0, 'f', 2);
        out << QStringLiteral("paired ratios (median of each run's ours / psql): default up %1, "
                              "down %2; one transaction up %3, down %4\n")
                   .arg(paired(oursUp, psqlUp), 0, 'f', 2)
                   .arg(paired(oursDown, psqlDown), 0, 'f', 2)
                   .arg(paired(oneUp, psqlUp), 0, 'f', 2)
                   .arg(paired(oneDown, psqlDown), 0, 'f', 2);
        out << QStringLiteral("default mode against psql with the same transactions (BEGIN/COMMIT "
                              "around each migration, no -1): median up %1 ms, ratio %2, paired "
                              "%3; down %4 ms, ratio %5, paired %6\n")
                   .arg(median(eachUp), 0, 'f', 1)
                   .arg(ou / median(eachUp), 0, 'f', 2)
                   .arg(paired(oursUp, eachUp), 0, 'f', 2)
                   .arg(median(eachDown), 0, 'f', 1)
                   .arg(od / median(eachDown), 0, 'f', 2)
                   .arg(paired(oursDown, eachDown), 0, 'f', 2);
        out << QStringLiteral("median uaip-migrate status (fixed cost of a run): %1 ms\n")
                   .arg(median(oursStatus), 0, 'f', 1);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    const int reps = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    QTextStream out(stdout);

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    // fsync and synchronous_commit off for the whole server: psql's COMMITs and ours wait for
    // the same thing (since issue 32 every migration's COMMIT of ours waits for the flush the
    // server's setting asks for, as psql's do), so the ratios compare like with like
    if (const Status started = sandbox.start(Sandbox::Options{false, false}); !started)
        qFatal("sandbox: %s", qPrintable(started.error().toString()));
    test::MigrationFolder folder;
    const Generated g = generate(folder, n);
    const SqlFiles files = writeSqlFiles(work.path(), g);
    out << "bench_migrate: " << n << " migrations (" << g.allUp.size() / 1024 << " KiB of up.sql), "
        << reps << " repetitions, PostgreSQL sandbox over a Unix socket\n"
        << Qt::flush;

    MigrateBench bench{sandbox, folder, files};
    for (int r = 0; r < reps; ++r) {
        bench.runPsql();
        bench.runOurs();
        bench.printRun(out, r);
    }
    bench.report(out);
    sandbox.stop();
    return 0;
}
