// The workload insights on a database at scale (run by hand): an events table of N rows
// (default 1,000,000) and an interactions table of N/10, the indexes that serve the platform's
// typical statements (events by agent and kind, the newest events of an agent, interactions by
// session, a join of the two) built but the one for events by agent dropped, and the workload run
// by pgbench from a custom script of those statements (prepared; agents and sessions skewed,
// Zipf 1.2: a few busy agents as on a live platform; random kinds; 2 clients), as the
// platform's application runs them. Then:
// - each insight reading's time (insights queries, indexes with its advice, tables,
//   connections), the median of R rounds, and its ratio to the baseline measured in the same
//   run: one `SELECT 1` round trip;
// - the advice: which index it proposes and its predicted cost ratio (after / before), then the
//   index built as proposed and the statement's mean time measured before and after
//   (pg_stat_statements, reset in between): the measured ratio against the predicted one.
// Usage: bench_insights [rows] [rounds] [transactions]  (pgbench transactions a run; 300)
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "indexadvice/indexadvisor.h"
#include "indexadvice/indexhealthreader.h"
#include "insights/connectionreader.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreader.h"
#include "insights/workloadreader.h"
#include "servertools.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

bool run(PgConnection &c, const QByteArray &sql)
{
    const PgResult r = c.execScript(sql);
    if (!r.ok())
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
    return r.ok();
}

bool setUp(PgConnection &c, qint64 rows)
{
    const QByteArray n = QByteArray::number(rows);
    return run(c,
               "CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg; "
               "CREATE EXTENSION pgstattuple;")
        && run(c,
               "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, "
               "kind text NOT NULL, created_at timestamptz NOT NULL, payload text)")
        && run(c,
               "INSERT INTO events (agent_id, kind, created_at, payload) SELECT g % 5000, "
               "(g % 12)::text, timestamptz '2026-01-01' + g * interval '1 s', "
               "repeat('x', 60) FROM generate_series(1, "
                   + n + ") g")
        && run(c,
               "CREATE TABLE interactions (id bigserial PRIMARY KEY, event_id bigint NOT NULL "
               "REFERENCES events, session_id int NOT NULL, tokens int)")
        && run(c,
               "INSERT INTO interactions (event_id, session_id, tokens) SELECT g * 10, "
               "g % 20000, g % 900 FROM generate_series(1, "
                   + QByteArray::number(rows / 10) + ") g")
        && run(c, "CREATE INDEX interactions_session ON interactions (session_id)")
        && run(c, "CREATE INDEX events_kind ON events (kind)")
        && run(c, "CREATE INDEX events_kind_again ON events (kind)")
        && run(c, "VACUUM ANALYZE events") && run(c, "VACUUM ANALYZE interactions");
}

// pgbench's custom script: the three statements with random values, prepared (-M prepared:
// pg_stat_statements sees them with $n, as the platform's driver sends them).
const char *const kScript = "\\set agent random_zipfian(0, 4999, 1.2)\n"
                            "\\set kind random(0, 11)\n"
                            "\\set session random_zipfian(0, 19999, 1.2)\n"
                            "SELECT id, kind, created_at FROM events WHERE agent_id = :agent AND "
                            "kind = :kind ORDER BY created_at DESC LIMIT 20;\n"
                            "SELECT id, tokens FROM interactions WHERE session_id = :session;\n"
                            "SELECT e.kind, count(*) FROM events e JOIN interactions i ON "
                            "i.event_id = e.id WHERE i.session_id = :session GROUP BY e.kind;\n";

// The workload: pgbench runs the script `transactions` times over 2 clients (one a core).
bool workload(const Sandbox &sandbox, const QString &script, int transactions)
{
    QProcess pgbench;
    pgbench.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    pgbench.setStandardOutputFile(QProcess::nullDevice());
    pgbench.start(Sandbox::serverBinDir() + QStringLiteral("/pgbench"),
                  QStringList{QStringLiteral("-n"), QStringLiteral("-M"),
                              QStringLiteral("prepared"), QStringLiteral("-f"), script,
                              QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-j"),
                              QStringLiteral("2"), QStringLiteral("-t"),
                              QString::number(std::max(1, transactions / 2))}
                      + test::ServerTools::connectionArgs(sandbox, QStringLiteral("bench")));
    return pgbench.waitForFinished(-1) && pgbench.exitStatus() == QProcess::NormalExit
        && pgbench.exitCode() == 0;
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

// The mean time (ms) pg_stat_statements has for the statement starting with prefix.
double meanOf(PgConnection &c, const QString &prefix)
{
    return c
        .scalar("SELECT sum(total_exec_time) / sum(calls) FROM pg_stat_statements "
                "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = "
                "current_database()) AND starts_with(query, $1)",
                {prefix})
        .toDouble();
}

// Each proposed index built as proposed: the statement's mean time before and after (each
// measured after a warm-up run, so both read from a warm cache) against the predicted ratio.
bool measureAdvice(PgConnection &c, const Sandbox &sandbox, const QString &script, int transactions,
                   const AdviceReport &advice)
{
    for (const IndexAdvice &a : advice.advice) {
        const IndexAdvice::Served &s = a.served.first();
        const double predicted = s.costAfter / s.costBefore;
        const QString prefix = s.query.left(30);
        workload(sandbox, script, transactions);
        c.exec("SELECT pg_stat_statements_reset()");
        workload(sandbox, script, transactions);
        const double before = meanOf(c, prefix);
        if (!c.exec(a.index.statement().toUtf8()).ok())
            return false;
        c.exec("ANALYZE");
        workload(sandbox, script, transactions);
        c.exec("SELECT pg_stat_statements_reset()");
        workload(sandbox, script, transactions);
        const double after = meanOf(c, prefix);
        std::printf("advice: %s\n  cost %.2f -> %.2f (predicted ratio %.4f); mean %.3f ms -> "
                    "%.3f ms (measured ratio %.4f)\n",
                    qPrintable(a.index.statement()), s.costBefore, s.costAfter, predicted, before,
                    after, before > 0 ? after / before : -1);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int transactions = argc > 3 ? QByteArray(argv[3]).toInt() : 300;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path() + QStringLiteral("/cluster"));
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    const QString conninfo = sandbox.conninfo(QStringLiteral("bench"));
    const QString script = dir.filePath(QStringLiteral("platform.sql"));
    QFile scriptFile(script);
    if (!scriptFile.open(QIODevice::WriteOnly) || scriptFile.write(kScript) < 0)
        return 1;
    scriptFile.close();
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("bench")) || !setUp(c, rows)
        || !workload(sandbox, script, transactions))
        return 1;
    const Result<InsightsCapabilities> caps = InsightsCapabilities::read(c);
    if (!caps)
        return 1;
    std::printf("events: %lld rows, interactions: %lld rows, %d rounds (median)\n", rows, rows / 10,
                rounds);
    const double base = medianMs(rounds * 4, [&] { return c.exec("SELECT 1").ok(); });
    std::printf("%-34s %10.2f ms\n", "baseline: SELECT 1", base);
    WorkloadReader workloadReader(c, caps.value());
    IndexHealthReader indexReader(c, caps.value());
    AdviceReport advice;
    const struct
    {
        const char *name;
        std::function<bool()> call;
    } readings[] = {
        {"insights queries",
         [&] { return workloadReader.top(WorkloadReader::Order::TotalTime, 20).ok(); }},
        {"insights indexes (health)", [&] { return indexReader.read().ok(); }},
        {"insights indexes (advice)",
         [&] {
             const auto w = workloadReader.top(WorkloadReader::Order::TotalTime, 20);
             const auto h = indexReader.read();
             if (!w || !h)
                 return false;
             auto a = IndexAdvisor(c, caps.value()).advise(w.value().queries, h.value().indexes);
             if (a)
                 advice = a.take();
             return a.ok();
         }},
        {"insights tables", [&] { return TableHealthReader(c, caps.value()).read(20, 20).ok(); }},
        {"insights connections", [&] { return ConnectionReader(c).read().ok(); }},
    };
    for (const auto &r : readings) {
        const double ms = medianMs(rounds, r.call);
        std::printf("%-34s %10.2f ms  %8.1fx baseline\n", r.name, ms, ms / base);
    }
    if (!measureAdvice(c, sandbox, script, transactions, advice))
        return 1;
    sandbox.stop();
    return 0;
}
