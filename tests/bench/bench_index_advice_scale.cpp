// Index advice and Create as migration on a database of N tables (issue 62, goal 4; run by
// hand). A durable sandbox (fsync on, as a user's sandbox runs), a migration folder whose
// migrations make N tables (default 10,000; id, a, b, each with its primary key, 500 a
// migration) and an events table of 100,000 rows, applied to the database "bench"; there
// pg_stat_statements, hypopg and pg_qualstats, the statistics reset, then the hot statement of
// the insights tests (events by agent, newest first) run 50 times with bound values: the advisor
// proposes events (agent_id, created_at). Then, each the median of R rounds:
// - the ledger's trust read, which every uaip-migrate command makes first (LedgerTrust), against
//   the same `SELECT 1`;
// - index advice as the Health view reads it (InsightsJob::readIndexes: InsightsCapabilities,
//   IndexHealthReader::read, WorkloadReader's top 20, IndexAdvisor::advise,
//   IndexHealthRules::keepIndexesPlansUse), against one `SELECT 1` round trip measured in the
//   same run, and against the goal (3 s);
// - Create as migration as IndexMigrationJob runs it (IndexMigrationBuilder::build on the
//   sandbox, then dropScratch(): the job's worker is free again only after both), against what
//   psql pays for the same work in the same run: CREATE DATABASE, each migration's up.sql sent
//   whole (one simple query, as `psql -1 -f`), DROP DATABASE; and against the goal (5 s).
//   The time until the answer (build() alone) is printed too; the first Create as migration on
//   the sandbox apart from the next ones (median of R), which may take the database the first
//   one's proof kept (ScratchDatabase::keepFor).
// Usage: bench_index_advice_scale [tables] [rounds] [keep]   (10000, 3; keep: the sandbox is made
// in ./bench_index_advice_sandbox and left running after the setup, for a look with psql)
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "indexadvice/indexaction.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "indexadvice/indexhealthrules.h"
#include "indexadvice/indexmigrationbuilder.h"
#include "insights/insightscapabilities.h"
#include "insights/workloadreader.h"
#include "ledger/ledgertrust.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

constexpr int kTablesPerMigration = 500;

bool run(PgConnection &c, const QByteArray &sql)
{
    const PgResult r = c.execScript(sql);
    if (!r.ok())
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
    return r.ok();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

bool addMigration(const QString &dir, const QString &name, const QByteArray &up,
                  const QByteArray &down)
{
    const QString folder = dir + u'/' + name;
    return QDir().mkpath(folder) && writeFile(folder + QStringLiteral("/up.sql"), up)
        && writeFile(folder + QStringLiteral("/down.sql"), down);
}

// The folder: events first, then the N tables in migrations of kTablesPerMigration.
bool writeMigrations(const QString &dir, int tables)
{
    if (!addMigration(dir, QStringLiteral("0001_events"),
                      "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, "
                      "kind text, created_at timestamptz NOT NULL, payload text);\n",
                      "DROP TABLE events;\n"))
        return false;
    for (int first = 0, v = 2; first < tables; first += kTablesPerMigration, ++v) {
        QByteArray up, down;
        for (int t = first; t < std::min(tables, first + kTablesPerMigration); ++t) {
            const QByteArray name = "t_" + QByteArray::number(t).rightJustified(5, '0');
            up += "CREATE TABLE " + name + " (id int PRIMARY KEY, a int, b text);\n";
            down += "DROP TABLE " + name + ";\n";
        }
        if (!addMigration(dir, QStringLiteral("%1_tables").arg(v, 4, 10, QLatin1Char('0')), up,
                          down))
            return false;
    }
    return true;
}

double medianMs(int rounds, const std::function<bool()> &call)
{
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        if (!call())
            return -1;
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// The Health view's index reading (InsightsJob::readIndexes, without the bloat reads).
Result<AdviceReport> healthViewAdvice(PgConnection &c)
{
    Result<InsightsCapabilities> caps = InsightsCapabilities::read(c);
    if (!caps)
        return caps.error();
    IndexHealthReader reader(c, caps.value());
    Result<IndexHealthReport> health = reader.read();
    if (!health)
        return health.error();
    Result<Workload> w = WorkloadReader(c, caps.value()).top(WorkloadReader::Order::TotalTime, 20);
    if (!w)
        return w.error();
    Result<AdviceReport> advice
        = IndexAdvisor(c, caps.value()).advise(w.value().queries, health.value().indexes);
    if (advice)
        IndexHealthRules::keepIndexesPlansUse(health.value().findings,
                                              advice.value().indexesInPlans);
    return advice;
}

// What psql pays for the proof's database: made, the migrations applied, dropped.
bool psqlLike(Sandbox &sandbox, const QList<Migration> &migrations)
{
    const QString name = QStringLiteral("bench_psql");
    if (!sandbox.createDatabase(name))
        return false;
    {
        PgConnection c;
        if (!c.open(sandbox.conninfo(name), QStringLiteral("bench psql")))
            return false;
        for (const Migration &m : migrations)
            if (!run(c, "BEGIN;\n" + m.upSql + "\nCOMMIT;"))
                return false;
    }
    return bool(sandbox.dropDatabase(name));
}

void print(const char *name, double ms, const char *against, double base, double goalMs)
{
    std::printf("%-36s %10.3f ms  %8.2fx %s", name, ms, ms / base, against);
    if (goalMs > 0)
        std::printf("  (goal %.0f ms: %s)", goalMs, ms <= goalMs ? "met" : "NOT met");
    std::printf("\n");
}

} // namespace

// The migrations applied, the workload's extensions, rows and statements (as the application
// runs them, on a session of its own) recorded; false when a step failed (said on stderr).
bool applyAndRunWorkload(Sandbox &sandbox, PgConnection &c, const QList<Migration> &migrations)
{
    {
        MigrationRunner::Options options;
        options.client = QStringLiteral("bench");
        MigrationRunner runner(c, migrations, options);
        if (const RunResult up = runner.up(); !up.ok()) {
            std::fprintf(stderr, "up: %s\n", qPrintable(up.message));
            return false;
        }
    }
    if (!run(c,
             "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; "
             "CREATE EXTENSION pg_qualstats;")
        || !run(c,
                "INSERT INTO events (agent_id, kind, created_at, payload) SELECT g % 400, "
                "'k' || (g % 7), timestamptz '2026-01-01' + g * interval '1 s', repeat('x', 40) "
                "FROM generate_series(1, 100000) g")
        || !run(c, "ANALYZE") || !run(c, "SELECT pg_stat_statements_reset()")
        || !run(c, "SELECT pg_qualstats_reset()"))
        return false;
    {
        PgConnection app2;
        if (!app2.open(sandbox.conninfo(QStringLiteral("bench")), QStringLiteral("bench app")))
            return false;
        for (int i = 0; i < 50; ++i)
            if (!app2.exec("SELECT id, kind FROM events WHERE agent_id = $1 ORDER BY created_at "
                           "DESC LIMIT 20",
                           {i % 400})
                     .ok())
                return false;
    }
    return true;
}

// Create as migration against its psql-like baseline: the first proof on this sandbox (the
// migrations applied to a fresh database), then rounds more (a kept database taken).
void measureCreateAsMigration(Sandbox &sandbox, PgConnection &c, const QList<Migration> &migrations,
                              const IndexAction &action, int rounds)
{
    const double psql = medianMs(rounds, [&] { return psqlLike(sandbox, migrations); });
    print("baseline: psql-like create/apply/drop", psql, "psql-like", psql, 0);
    // the first on this sandbox applies the migrations to a fresh database; the others take
    // the one a proof over the same migrations kept (if the builder keeps one)
    std::vector<double> answers;
    const auto createAsMigration = [&] {
        QElapsedTimer t;
        t.start();
        IndexMigrationBuilder builder(sandbox, migrations);
        const Result<IndexMigration> m
            = builder.build(c, action, action.migrationName(), QDateTime::currentDateTimeUtc());
        answers.push_back(t.nsecsElapsed() / 1e6);
        if (!m) {
            std::fprintf(stderr, "create as migration: %s\n", qPrintable(m.error().toString()));
            return false;
        }
        builder.dropScratch();
        return true;
    };
    const double first = medianMs(1, createAsMigration);
    print("create as migration, first: answer", answers.front(), "psql-like", psql, 5000);
    print("create as migration, first: job", first, "psql-like", psql, 5000);
    answers.clear();
    const double again = medianMs(rounds, createAsMigration);
    std::sort(answers.begin(), answers.end());
    print("create as migration, again: answer", answers[answers.size() / 2], "psql-like", psql,
          5000);
    print("create as migration, again: job", again, "psql-like", psql, 5000);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tables = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 3;
    const bool keep = argc > 3 && QByteArray(argv[3]) == "keep";
    QTemporaryDir dir;
    Sandbox sandbox(keep ? QDir::current().filePath(QStringLiteral("bench_index_advice_sandbox"))
                         : dir.path() + QStringLiteral("/cluster"));
    Status started = sandbox.start(Sandbox::Options{true, false});
    // the server stopped however the run ends (its folder goes with the temporary one)
    const auto stop = qScopeGuard([&] {
        if (!keep)
            sandbox.stop();
    });
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    const QString migrationsDir = dir.filePath(QStringLiteral("migrations"));
    MigrationSource source;
    if (!writeMigrations(migrationsDir, tables) || !source.load(migrationsDir)) {
        std::fprintf(stderr, "migrations: %s\n", qPrintable(source.errors().join(u'\n')));
        return 1;
    }
    PgConnection c;
    if (!c.open(sandbox.conninfo(QStringLiteral("bench")), QStringLiteral("bench")))
        return 1;
    QElapsedTimer setup;
    setup.start();
    if (!applyAndRunWorkload(sandbox, c, source.migrations()))
        return 1;
    std::printf("%d tables (+ events, 100,000 rows) made in %.1f s; %d rounds (median)\n", tables,
                setup.nsecsElapsed() / 1e9, rounds);
    if (keep) {
        std::printf("kept running: %s\n", qPrintable(sandbox.conninfo(QStringLiteral("bench"))));
        return 0;
    }

    const double select1 = medianMs(rounds * 20, [&] { return c.exec("SELECT 1").ok(); });
    print("baseline: SELECT 1", select1, "SELECT 1", select1, 0);
    // what every command of uaip-migrate reads first once the ledger is there: on this many
    // tables it scanned pg_class, pg_proc and pg_attribute (100 ms a command at 10,000 tables)
    const double trust = medianMs(rounds * 5, [&] {
        const Result<QString> refusal = LedgerTrust::refusal(c);
        return refusal.ok() && refusal.value().isEmpty();
    });
    print("ledger trust read (every command)", trust, "SELECT 1", select1, 0);
    AdviceReport advice;
    const double adviceMs = medianMs(rounds, [&] {
        Result<AdviceReport> a = healthViewAdvice(c);
        if (!a)
            std::fprintf(stderr, "advice: %s\n", qPrintable(a.error().toString()));
        else
            advice = a.take();
        return a.ok();
    });
    print("index advice (Health view)", adviceMs, "SELECT 1", select1, 3000);
    if (adviceMs < 0 || advice.advice.isEmpty()) {
        std::fprintf(stderr, "no index proposed (%lld statements skipped)\n",
                     qlonglong(advice.skipped.size()));
        for (const auto &s : advice.skipped)
            std::fprintf(stderr, "  %s: %s\n", qPrintable(s.query.left(60)), qPrintable(s.why));
        return 1;
    }
    const IndexAction action = IndexAction::of(advice.advice.constFirst());
    std::printf("proposed: %s\n", qPrintable(action.statement));

    measureCreateAsMigration(sandbox, c, source.migrations(), action, rounds);
    return 0;
}
