// The workload insights on a database at scale (run by hand): an events table of N rows
// (default 1,000,000) and an interactions table of N/10, the indexes that serve the platform's
// typical statements (events by agent and kind, the newest events of an agent, interactions by
// session, a join of the two) built but the one for events by agent dropped, and each statement
// run a number of times with bound values, as the platform runs them. Then:
// - each insight reading's time (insights queries, indexes with its advice, tables,
//   connections), the median of R rounds, and its ratio to the baseline measured in the same
//   run: one `SELECT 1` round trip;
// - the advice: which index it proposes and its predicted cost ratio (after / before), then the
//   index built as proposed and the statement's mean time measured before and after
//   (pg_stat_statements, reset in between): the measured ratio against the predicted one.
// Usage: bench_insights [rows] [rounds]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "insights/connectionreader.h"
#include "insights/indexadvisor.h"
#include "insights/indexhealthreader.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreader.h"
#include "insights/workloadreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

const QByteArray kByAgent
    = "SELECT id, kind, created_at FROM events WHERE agent_id = $1 AND kind = $2 "
      "ORDER BY created_at DESC LIMIT 20";
const QByteArray kBySession = "SELECT id, tokens FROM interactions WHERE session_id = $1";
const QByteArray kJoin = "SELECT e.kind, count(*) FROM events e JOIN interactions i ON "
                         "i.event_id = e.id WHERE i.session_id = $1 GROUP BY e.kind";

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
               "'kind' || (g % 12), timestamptz '2026-01-01' + g * interval '1 s', "
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

bool workload(const QString &conninfo, int calls)
{
    PgConnection app;
    if (!app.open(conninfo, QStringLiteral("bench app")))
        return false;
    for (int i = 0; i < calls; ++i)
        if (!app.exec(kByAgent, {i % 5000, QStringLiteral("kind%1").arg(i % 12)}).ok()
            || !app.exec(kBySession, {i % 20000}).ok() || !app.exec(kJoin, {i % 20000}).ok())
            return false;
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path() + QStringLiteral("/cluster"));
    QString error;
    if (!sandbox.start(Sandbox::Options{false, false}, &error)
        || !sandbox.createDatabase(QStringLiteral("bench"), &error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    const QString conninfo = sandbox.conninfo(QStringLiteral("bench"));
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("bench")) || !setUp(c, rows) || !workload(conninfo, 300))
        return 1;
    const DbResult<InsightsCapabilities> caps = InsightsCapabilities::read(c);
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
    for (const IndexAdvice &a : advice.advice) {
        const IndexAdvice::Served &s = a.served.first();
        const double predicted = s.costAfter / s.costBefore;
        const QString prefix = s.query.left(30);
        c.exec("SELECT pg_stat_statements_reset()");
        workload(conninfo, 300);
        const double before = meanOf(c, prefix);
        if (!c.exec(a.index.statement().toUtf8()).ok())
            return 1;
        c.exec("ANALYZE");
        c.exec("SELECT pg_stat_statements_reset()");
        workload(conninfo, 300);
        const double after = meanOf(c, prefix);
        std::printf("advice: %s\n  cost %.2f -> %.2f (predicted ratio %.4f); mean %.3f ms -> "
                    "%.3f ms (measured ratio %.4f)\n",
                    qPrintable(a.index.statement()), s.costBefore, s.costAfter, predicted, before,
                    after, before > 0 ? after / before : -1);
    }
    sandbox.stop(&error);
    return 0;
}
