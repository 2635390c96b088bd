// Live-safe migrations (issue 43): what a migration does to the platform's queries while it runs.
// A hot table of N rows (1,000,000 by default), pgbench at a fixed rate (key lookups and updates,
// 200 transactions/s) through each scenario, the app's per-transaction latencies read from
// pgbench's log. Each scenario runs as psql runs the file (what Flyway, Prisma and golang-migrate
// do) and as `uaip-migrate up` runs it, in the same run:
//   add-column   ADD COLUMN behind a long analytics transaction (BLOCKER_S seconds)
//   index        CREATE INDEX as written; uaip-migrate: refused up front, then CONCURRENTLY
//   check        ADD CONSTRAINT ... CHECK as written; uaip-migrate: NOT VALID, then VALIDATE
//   not-null     SET NOT NULL as written; uaip-migrate: CHECK NOT VALID, VALIDATE, SET NOT NULL
//   backfill     every row updated: psql in one transaction; uaip-migrate in batches (uaip:batch)
//   type         int to bigint: psql rewrites; uaip-migrate: new column + trigger, batched
//                backfill, swap
//   online-rename, online-type, online-not-null
//                `uaip-migrate new --online` (issue 59): the app uses the old name through the
//                expand and the new one through the contract; psql runs the one statement
//                under the old name's traffic (a rename breaks the app: pgbench's clients
//                abort, counted as "app exit" 2)
// Printed per scenario and tool: the app's worst and p99 latency (ms), transactions over 1 s,
// failed transactions, the migration's exit code and time; and the ratio of uaip-migrate's worst
// latency to psql's (the baseline, measured in the same run). Goal: worst <= 300 ms, 0 failed,
// the migration done (exit 0) or refused up front (exit 2) with its online form named.
// Usage: bench_live_migrations [rows] [blocker seconds] [scenario,...]
// (online-*: the app table is made again first, so they go best by themselves)
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "servertools.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

constexpr int kRate = 200; // app transactions per second
constexpr int kWarmupMs = 1500; // pgbench runs this long before the migration starts

struct Env
{
    Sandbox *sandbox = nullptr;
    QString dir; // scratch folder
    QString migrate; // uaip-migrate
    QString migrations; // the folder uaip-migrate applies (grows scenario by scenario)
    QString online; // the online changes' folder: 0001_hot (the table) and the pairs
    QString script; // the app's pgbench script
    qint64 rows = 1000000;
    int blockerS = 6;
    int seq = 0; // the next migration's number

    QString conninfo() const { return sandbox->conninfo(QStringLiteral("bench")); }
};

struct Outcome
{
    double worstMs = 0;
    double p99Ms = 0;
    int overOneSecond = 0;
    int failed = 0;
    int transactions = 0;
    int exitCode = -1;
    qint64 migrationMs = 0;
    int appExit = -1; // pgbench's: 2 when a client aborted on an error
};

// pgbench's per-transaction log: "client txno latency_us script epoch us [lag]"; a failed
// transaction has "failed" for its latency.
void readLog(const QString &prefix, Outcome &o)
{
    std::vector<double> ms;
    const QStringList logs = QDir(QFileInfo(prefix).path())
                                 .entryList({QFileInfo(prefix).fileName() + QStringLiteral("*")});
    for (const QString &name : logs) {
        QFile f(QFileInfo(prefix).path() + u'/' + name);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QList<QByteArray> cols = f.readLine().simplified().split(' ');
            if (cols.size() < 3)
                continue;
            if (cols[2] == "failed") {
                ++o.failed;
                continue;
            }
            ms.push_back(cols[2].toDouble() / 1000.0);
        }
    }
    if (ms.empty())
        return;
    std::sort(ms.begin(), ms.end());
    o.transactions = int(ms.size());
    o.worstMs = ms.back();
    o.p99Ms = ms[size_t(double(ms.size() - 1) * 0.99)];
    o.overOneSecond = int(std::count_if(ms.begin(), ms.end(), [](double v) { return v > 1000; }));
}

bool sql(const Env &env, const QByteArray &statement)
{
    PgConnection c;
    if (!c.open(env.conninfo(), QStringLiteral("bench-setup")))
        return false;
    const PgResult r = c.exec(statement);
    if (!r.ok())
        std::fprintf(stderr, "%s: %s\n", statement.constData(), qPrintable(r.error().toString()));
    return r.ok();
}

QStringList pgbenchArgs(const Env &env, const QString &script, const QString &prefix, int seconds)
{
    return QStringList{QStringLiteral("-n"),
                       QStringLiteral("-f"),
                       script,
                       QStringLiteral("-R"),
                       QString::number(kRate),
                       QStringLiteral("-T"),
                       QString::number(seconds),
                       QStringLiteral("-c"),
                       QStringLiteral("8"),
                       QStringLiteral("-j"),
                       QStringLiteral("2"),
                       QStringLiteral("-l"),
                       QStringLiteral("--log-prefix=") + prefix}
    + test::ServerTools::connectionArgs(*env.sandbox, QStringLiteral("bench"));
}

// Runs the app's traffic for seconds; after the warm-up, the analytics transaction (when
// blocker) and then migration(), whose exit code and time go into the outcome.
Outcome underTraffic(Env &env, const QString &label, int seconds, bool blocker,
                     const std::function<int()> &migration)
{
    Outcome o;
    const QString script = env.script;
    const QString prefix = env.dir + QStringLiteral("/log-") + label;
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(Sandbox::serverBinDir() + QStringLiteral("/pgbench"),
              pgbenchArgs(env, script, prefix, seconds));
    if (!app.waitForStarted())
        return o;
    QThread::msleep(kWarmupMs);
    // the analytics transaction: a psql of its own that reads the table, holds its ACCESS SHARE
    // for blockerS seconds, and ends by itself
    QProcess analytics;
    if (blocker) {
        QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
        pe.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("analytics"));
        analytics.setProcessEnvironment(pe);
        analytics.start(QStringLiteral("psql"),
                        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-c"),
                         QStringLiteral("BEGIN; SELECT count(*) FROM hot; SELECT pg_sleep(%1); "
                                        "COMMIT;")
                             .arg(env.blockerS),
                         env.conninfo()});
        analytics.waitForStarted();
        QThread::msleep(300); // it has its lock
    }
    QElapsedTimer t;
    t.start();
    o.exitCode = migration();
    o.migrationMs = t.elapsed();
    app.waitForFinished(seconds * 1000 + 60000);
    o.appExit = app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1;
    if (blocker)
        analytics.waitForFinished(env.blockerS * 1000 + 60000);
    readLog(prefix, o);
    return o;
}

int psql(const Env &env, const QByteArray &statements)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), QString::fromUtf8(statements),
             env.conninfo()});
    p.waitForFinished(600000);
    return p.exitCode();
}

// Adds the next migration to env.migrations and runs uaip-migrate up; a refused one (exit 2) is
// taken out again, so the next scenario's plan does not hold it.
int uaip(Env &env, const QByteArray &up, bool keepRefused = false)
{
    const QString name = QStringLiteral("%1_step").arg(++env.seq, 4, 10, QLatin1Char('0'));
    const QString folder = env.migrations + u'/' + name;
    QDir().mkpath(folder);
    QFile u(folder + QStringLiteral("/up.sql"));
    QFile d(folder + QStringLiteral("/down.sql"));
    if (!u.open(QIODevice::WriteOnly) || !d.open(QIODevice::WriteOnly))
        return -1;
    u.write(up);
    d.write("SELECT 1;\n");
    u.close();
    d.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    p.start(env.migrate,
            {QStringLiteral("--db"), env.conninfo(), QStringLiteral("--dir"), env.migrations,
             QStringLiteral("up")});
    p.waitForFinished(600000);
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() == 2)
        std::fprintf(stderr, "  uaip-migrate refused it: %s\n",
                     err.left(err.indexOf('\n', err.indexOf("instead:"))).constData());
    if (p.exitCode() != 0 && !keepRefused)
        QDir(folder).removeRecursively();
    return p.exitCode();
}

void print(const char *scenario, const char *tool, const Outcome &o, double baselineWorst)
{
    std::printf("%-15s %-34s %9.0f %8.0f %6d %6d %7d %8d %5d %8lld %9.2f\n", scenario, tool,
                o.worstMs, o.p99Ms, o.overOneSecond, o.failed, o.transactions, o.appExit,
                o.exitCode, o.migrationMs, baselineWorst > 0 ? o.worstMs / baselineWorst : 0.0);
    std::fflush(stdout);
}

// The app's script: a key lookup and an update of column (quoted by the caller).
bool appScript(Env &env, const QByteArray &column)
{
    env.script = env.dir + QStringLiteral("/app-") + QString::fromUtf8(column.toHex())
        + QStringLiteral(".sql");
    QFile script(env.script);
    if (!script.open(QIODevice::WriteOnly))
        return false;
    script.write(QByteArray("\\set id random(1, ") + QByteArray::number(env.rows) + ")\nSELECT "
                 + column + " FROM hot WHERE id = :id;\nUPDATE hot SET " + column + " = " + column
                 + " + 1 WHERE id = :id;\n");
    return true;
}

constexpr const char *kHotTable = "CREATE TABLE hot (id bigint PRIMARY KEY, v int NOT NULL "
                                  "DEFAULT 0, payload text, maybe int)";

bool setUp(Env &env)
{
    if (!appScript(env, "v"))
        return false;
    return sql(env, kHotTable)
        && sql(env,
               QByteArray("INSERT INTO hot (id, payload, maybe) SELECT g, md5(g::text), g "
                          "FROM generate_series(1, ")
                   + QByteArray::number(env.rows) + ") g")
        && sql(env, "VACUUM ANALYZE hot");
}

void addColumn(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("addcol-psql"), seconds, true, [&] {
        return psql(env, "ALTER TABLE hot ADD COLUMN c_psql int");
    });
    print("add-column", "psql", psqlRun, psqlRun.worstMs);
    const Outcome ours = underTraffic(env, QStringLiteral("addcol-uaip"), seconds, true, [&] {
        return uaip(env, "ALTER TABLE hot ADD COLUMN c_uaip int;\n");
    });
    print("add-column", "uaip-migrate (retried attempts)", ours, psqlRun.worstMs);
}

void index(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("index-psql"), seconds, false, [&] {
        return psql(env, "CREATE INDEX hot_v_psql ON hot (v)");
    });
    print("index", "psql", psqlRun, psqlRun.worstMs);
    sql(env, "DROP INDEX hot_v_psql");
    const Outcome refused = underTraffic(env, QStringLiteral("index-refused"), seconds, false, [&] {
        return uaip(env, "CREATE INDEX hot_v ON hot (v);\n");
    });
    print("index", "uaip-migrate as written", refused, psqlRun.worstMs);
    const Outcome online = underTraffic(env, QStringLiteral("index-online"), seconds, false, [&] {
        return uaip(env, "-- uaip:no-transaction\nCREATE INDEX CONCURRENTLY hot_v ON hot (v);\n");
    });
    print("index", "uaip-migrate CONCURRENTLY", online, psqlRun.worstMs);
}

void check(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("check-psql"), seconds, false, [&] {
        return psql(env, "ALTER TABLE hot ADD CONSTRAINT v_psql CHECK (v >= 0)");
    });
    print("check", "psql", psqlRun, psqlRun.worstMs);
    sql(env, "ALTER TABLE hot DROP CONSTRAINT v_psql");
    const Outcome refused = underTraffic(env, QStringLiteral("check-refused"), seconds, false, [&] {
        return uaip(env, "ALTER TABLE hot ADD CONSTRAINT v_pos CHECK (v >= 0);\n");
    });
    print("check", "uaip-migrate as written", refused, psqlRun.worstMs);
    const Outcome online = underTraffic(env, QStringLiteral("check-online"), seconds, false, [&] {
        const int added
            = uaip(env, "ALTER TABLE hot ADD CONSTRAINT v_pos CHECK (v >= 0) NOT VALID;\n");
        return added != 0 ? added : uaip(env, "ALTER TABLE hot VALIDATE CONSTRAINT v_pos;\n");
    });
    print("check", "uaip-migrate NOT VALID + VALIDATE", online, psqlRun.worstMs);
}

void notNull(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("notnull-psql"), seconds, false, [&] {
        return psql(env, "ALTER TABLE hot ALTER COLUMN maybe SET NOT NULL");
    });
    print("not-null", "psql", psqlRun, psqlRun.worstMs);
    sql(env, "ALTER TABLE hot ALTER COLUMN maybe DROP NOT NULL");
    const Outcome refused
        = underTraffic(env, QStringLiteral("notnull-refused"), seconds, false, [&] {
              return uaip(env,
                          "ALTER TABLE hot ALTER COLUMN maybe "
                          "SET NOT NULL;\n");
          });
    print("not-null", "uaip-migrate as written", refused, psqlRun.worstMs);
    const Outcome online = underTraffic(env, QStringLiteral("notnull-online"), seconds, false, [&] {
        int e = uaip(env,
                     "ALTER TABLE hot ADD CONSTRAINT maybe_nn CHECK (maybe IS NOT NULL) "
                     "NOT VALID;\n");
        if (e == 0)
            e = uaip(env, "ALTER TABLE hot VALIDATE CONSTRAINT maybe_nn;\n");
        if (e == 0) // the validated CHECK proves it: no scan under ACCESS EXCLUSIVE
            e = uaip(env,
                     "ALTER TABLE hot ALTER COLUMN maybe SET NOT NULL;\n"
                     "ALTER TABLE hot DROP CONSTRAINT maybe_nn;\n");
        return e;
    });
    print("not-null", "uaip-migrate CHECK, VALIDATE, SET", online, psqlRun.worstMs);
}

// Every row changed: psql in one transaction (every row's lock held to its end, so the app's
// updates wait for it); uaip-migrate in committed batches of 5,000 keys (uaip:batch).
void backfill(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("backfill-psql"), seconds, false, [&] {
        return psql(env, "UPDATE hot SET maybe = maybe + 1");
    });
    print("backfill", "psql", psqlRun, psqlRun.worstMs);
    const Outcome ours = underTraffic(env, QStringLiteral("backfill-uaip"), seconds, false, [&] {
        return uaip(env,
                    "-- uaip:no-transaction\n-- uaip:batch rows=5000 pause=20ms\n"
                    "UPDATE hot SET maybe = maybe + 1;\n");
    });
    print("backfill", "uaip-migrate uaip:batch", ours, psqlRun.worstMs);
}

// int to bigint (psql: the column maybe; uaip-migrate: v, which the app writes): psql
// rewrites the table under ACCESS EXCLUSIVE; uaip-migrate's online form is
// a new column kept in step by a trigger, a batched backfill, and a swap in one short
// transaction (each lock taken in short attempts).
void typeChange(Env &env, int seconds)
{
    const Outcome psqlRun = underTraffic(env, QStringLiteral("type-psql"), seconds, false, [&] {
        return psql(env, "ALTER TABLE hot ALTER COLUMN maybe TYPE bigint");
    });
    print("type", "psql", psqlRun, psqlRun.worstMs);
    const Outcome online = underTraffic(env, QStringLiteral("type-online"), seconds, false, [&] {
        int e = uaip(env,
                     "ALTER TABLE hot ADD COLUMN v_new bigint;\n"
                     "CREATE FUNCTION hot_v_sync() RETURNS trigger LANGUAGE plpgsql AS "
                     "$$ BEGIN NEW.v_new := NEW.v; RETURN NEW; END $$;\n"
                     "CREATE TRIGGER hot_v_sync BEFORE INSERT OR UPDATE ON hot "
                     "FOR EACH ROW EXECUTE FUNCTION hot_v_sync();\n");
        if (e == 0)
            e = uaip(env,
                     "-- uaip:no-transaction\n-- uaip:batch rows=5000 pause=20ms\n"
                     "UPDATE hot SET v_new = v WHERE v_new IS DISTINCT FROM v;\n");
        if (e == 0)
            e = uaip(env,
                     "ALTER TABLE hot ALTER COLUMN v_new SET DEFAULT 0;\n"
                     "DROP TRIGGER hot_v_sync ON hot;\n"
                     "DROP FUNCTION hot_v_sync();\n"
                     "ALTER TABLE hot RENAME COLUMN v TO v_old;\n"
                     "ALTER TABLE hot RENAME COLUMN v_new TO v;\n"
                     "ALTER TABLE hot DROP COLUMN v_old;\n");
        return e;
    });
    print("type", "uaip-migrate column, batch, swap", online, psqlRun.worstMs);
}

// uaip-migrate args; its exit code, its standard output in *out.
int migrateCli(const Env &env, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(out ? QProcess::ForwardedErrorChannel : QProcess::ForwardedChannels);
    p.start(env.migrate, args);
    p.waitForFinished(600000);
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// The online changes' folder: 0001_hot makes the table as setUp() did (the pairs are proved on
// the sandbox from it), recorded as applied on the bench database, whose table is made again
// (the scenarios before changed it).
bool onlineFolder(Env &env)
{
    if (!sql(env, "DROP TABLE hot") || !setUp(env))
        return false;
    env.online = env.dir + QStringLiteral("/online");
    QDir().mkpath(env.online + QStringLiteral("/0001_hot"));
    QFile u(env.online + QStringLiteral("/0001_hot/up.sql"));
    QFile d(env.online + QStringLiteral("/0001_hot/down.sql"));
    if (!u.open(QIODevice::WriteOnly) || !d.open(QIODevice::WriteOnly))
        return false;
    u.write(QByteArray(kHotTable) + ";\n");
    d.write("DROP TABLE hot;\n");
    u.close();
    d.close();
    return migrateCli(env,
                      {QStringLiteral("--db"), env.conninfo(), QStringLiteral("--dir"), env.online,
                       QStringLiteral("baseline"), QStringLiteral("0001")})
        == 0;
}

struct OnlineScenario
{
    const char *name;
    QByteArray psql; // the one statement, run by psql
    QByteArray undo; // what makes the table as before it again
    QByteArray online; // the same change for new --online
    QByteArray oldColumn; // the app's column through the expand
    QByteArray newColumn; // and through the contract
};

// The pair's expand version from new --online's --json; empty when it failed.
QString writePair(const Env &env, const OnlineScenario &s)
{
    QByteArray out;
    const int e = migrateCli(env,
                             {QStringLiteral("--dir"), env.online, QStringLiteral("--data-dir"),
                              env.sandbox->rootDir(), QStringLiteral("--json"),
                              QStringLiteral("new"), QString::fromUtf8(s.name).replace(u'-', u'_'),
                              QStringLiteral("--online"), QString::fromUtf8(s.online)},
                             &out);
    const QJsonObject doc = QJsonDocument::fromJson(out).object();
    if (e != 0 || doc.value(QStringLiteral("single")).toBool()) {
        std::fprintf(stderr, "  new --online: exit %d %s\n", e, out.constData());
        return QString();
    }
    return doc.value(QStringLiteral("expand")).toString().section(u'_', 0, 0);
}

// The app's old name through psql's statement, then (the table as before) through the expand,
// and the new name through the contract; the rows of both shapes compared after the expand.
void online(Env &env, int seconds, const OnlineScenario &s)
{
    appScript(env, s.oldColumn);
    const Outcome psqlRun = underTraffic(env, QStringLiteral("%1-psql").arg(QLatin1String(s.name)),
                                         seconds, false, [&] { return psql(env, s.psql); });
    print(s.name, "psql (one statement)", psqlRun, psqlRun.worstMs);
    sql(env, s.undo);
    const QString expand = writePair(env, s);
    if (expand.isEmpty())
        return;
    const QStringList on{QStringLiteral("--db"), env.conninfo(), QStringLiteral("--dir"),
                         env.online};
    const Outcome ex = underTraffic(
        env, QStringLiteral("%1-expand").arg(QLatin1String(s.name)), seconds, false, [&] {
            return migrateCli(
                env, on + QStringList{QStringLiteral("up"), QStringLiteral("--to"), expand});
        });
    print(s.name, "uaip-migrate expand (old name)", ex, psqlRun.worstMs);
    if (s.oldColumn != s.newColumn) {
        PgConnection c;
        if (c.open(env.conninfo(), QStringLiteral("bench-check")))
            std::printf("%-15s rows whose %s and %s differ after the expand: %s\n", s.name,
                        s.oldColumn.constData(), s.newColumn.constData(),
                        qPrintable(c.scalar("SELECT count(*) FROM hot WHERE " + s.oldColumn
                                            + " IS DISTINCT FROM " + s.newColumn)));
    }
    appScript(env, s.newColumn);
    const Outcome co = underTraffic(
        env, QStringLiteral("%1-contract").arg(QLatin1String(s.name)), seconds, false,
        [&] { return migrateCli(env, on + QStringList{QStringLiteral("up")}); });
    print(s.name, "uaip-migrate contract (new name)", co, psqlRun.worstMs);
    appScript(env, s.newColumn);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Env env;
    if (argc > 1)
        env.rows = QByteArray(argv[1]).toLongLong();
    if (argc > 2)
        env.blockerS = QByteArray(argv[2]).toInt();
    QTemporaryDir dir;
    Sandbox sandbox(dir.path() + QStringLiteral("/cluster"));
    env.sandbox = &sandbox;
    env.dir = dir.path();
    QDir().mkpath(dir.path());
    // the logs and the script are read and written by pgbench, run as this user
    env.migrations = dir.path() + QStringLiteral("/migrations");
    QDir().mkpath(env.migrations);
    env.migrate = qEnvironmentVariable("UAIP_MIGRATE_BIN",
                                       QCoreApplication::applicationDirPath()
                                           + QStringLiteral("/../bin/uaip-migrate"));
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    std::printf("hot table of %lld rows, pgbench at %d tx/s (8 clients), analytics transaction "
                "%d s\n",
                env.rows, kRate, env.blockerS);
    if (!setUp(env))
        return 1;
    const int seconds = env.blockerS + 6;
    std::printf("%-15s %-34s %9s %8s %6s %6s %7s %8s %5s %8s %9s\n", "scenario", "tool", "worst ms",
                "p99 ms", ">1s", "failed", "tx", "app exit", "exit", "mig ms", "worst/psql");
    // a third argument runs only the scenarios it names (comma-separated)
    const QStringList only = argc > 3 ? QString::fromLocal8Bit(argv[3]).split(u',') : QStringList();
    const auto wanted
        = [&](const char *name) { return only.isEmpty() || only.contains(QLatin1String(name)); };
    if (wanted("add-column"))
        addColumn(env, seconds);
    if (wanted("index"))
        index(env, seconds);
    if (wanted("check"))
        check(env, seconds);
    if (wanted("not-null"))
        notNull(env, seconds);
    // long enough for the batches to run inside the traffic
    const int longer = seconds + int(env.rows / 50000);
    if (wanted("backfill"))
        backfill(env, longer);
    if (wanted("type"))
        typeChange(env, longer);
    // issue 59: expand and contract under traffic, against the one statement
    const bool anyOnline
        = wanted("online-rename") || wanted("online-type") || wanted("online-not-null");
    if (anyOnline && !onlineFolder(env))
        return 1;
    // (the int to bigint of v first, the rename of v last: each goes on from the one before)
    if (wanted("online-type"))
        online(env, longer,
               {"online-type", "ALTER TABLE hot ALTER COLUMN v TYPE bigint",
                "ALTER TABLE hot ALTER COLUMN v TYPE int",
                "ALTER TABLE hot ALTER COLUMN v TYPE bigint", "v", "v"});
    if (wanted("online-not-null"))
        online(env, longer,
               {"online-not-null", "ALTER TABLE hot ALTER COLUMN maybe SET NOT NULL",
                "ALTER TABLE hot ALTER COLUMN maybe DROP NOT NULL",
                "ALTER TABLE hot ALTER COLUMN maybe SET NOT NULL", "v", "v"});
    if (wanted("online-rename"))
        online(env, longer,
               {"online-rename", "ALTER TABLE hot RENAME COLUMN v TO val",
                "ALTER TABLE hot RENAME COLUMN val TO v", "ALTER TABLE hot RENAME COLUMN v TO val",
                "v", "val"});
    sandbox.stop();
    return 0;
}
