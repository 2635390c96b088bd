// SQL console benchmark (run by hand): `SELECT * FROM t` over a table of N rows (default
// 10,000,000) in a fresh sandbox with fsync off. Measures, in one run, the time to the first
// page and the peak resident memory (VmHWM, reset per phase through /proc/self/clear_refs) of:
// the console's path (SqlRunJob on its SessionWorker: a server-side cursor, FETCH 500), then
// paging 200 pages on; and the bare libpq baselines: the same DECLARE/FETCH, single-row mode
// (first row, then cancel), and a plain PQexec that loads every row.
// Usage: bench_sql_first_rows [rows]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sessionspec.h"
#include "jobs/sessionworker.h"
#include "sqlconsole/sqlrunjob.h"
#include "sqlconsole/sqlrunner.h"
#include "sqlconsole/sqlscript.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

#include <libpq-fe.h>

using namespace uaip;

namespace {

double statusMb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

// Resets the peak RSS (VmHWM) to the current RSS.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Runs job on worker and waits for it.
void runAndWait(SessionWorker &worker, SqlRunJob *job)
{
    QPointer<SqlRunJob> guard(job);
    bool done = false;
    QObject::connect(job, &Job::finished, job, [&done] { done = true; });
    worker.post(job);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

// A fresh sandbox with database "bench"; false (and a message on stderr) on failure.
bool startSandbox(Sandbox &sandbox)
{
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return false;
    }
    return true;
}

// The table t of `rows` rows, vacuumed and analysed.
bool createTable(const QString &conninfo, qint64 rows)
{
    PgConnection c;
    c.open(conninfo);
    QElapsedTimer t;
    t.start();
    const PgResult r = c.execScript(
        "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL, score int NOT NULL,"
        " created_at timestamptz NOT NULL, note text);"
        "INSERT INTO t SELECT g, 'name ' || g, (g::bigint * 7919) % 100000,"
        " timestamptz '2024-01-01' + g * interval '1 second',"
        " CASE WHEN g % 10 = 0 THEN NULL ELSE md5(g::text) END"
        " FROM generate_series(1, "
        + QByteArray::number(rows) + ") g");
    if (!r.ok()) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(r.error().toString()));
        return false;
    }
    c.exec("VACUUM ANALYZE t");
    std::printf("table t: %lld rows generated in %.1f s\n", rows, ms(t) / 1000);
    return true;
}

// The console's first page: its time, the RSS before it and the cursor it left open.
struct ConsoleFirstPage
{
    double ms = 0;
    double rssBefore = 0;
    QByteArray cursor;
    qint64 rows = 0;
};

// The console's path: the query as a SqlRunJob on the worker, to its first page of 500 rows.
std::optional<ConsoleFirstPage> consoleFirstPage(SessionWorker &worker,
                                                 const std::shared_ptr<SqlRunner> &runner,
                                                 const QByteArray &query)
{
    SqlRunRequest request = SqlRunRequest::forScript(query);
    request.pageSize = 500;
    resetPeak();
    ConsoleFirstPage first;
    first.rssBefore = statusMb("VmRSS:");
    QElapsedTimer t;
    t.start();
    SqlRunJob *job = SqlRunJob::run(runner, request);
    SqlRunResult result;
    QObject::connect(job, &Job::finished, job, [&result, job] { result = job->result(); });
    runAndWait(worker, job);
    first.ms = ms(t);
    if (!result.ok() || result.results.isEmpty()) {
        std::fprintf(stderr, "run: %s\n",
                     qPrintable(result.error ? result.error->toString() : QStringLiteral("?")));
        return std::nullopt;
    }
    const double consolePeak = statusMb("VmHWM:") - first.rssBefore;
    first.cursor = result.results.first().cursor;
    first.rows = result.results.first().rows.size();
    std::printf(
        "console first page:      %8.1f ms  (%lld rows; peak RSS +%.1f MB)  target <= 200 ms\n"
        "  of which in the runner on the worker thread: %.1f ms (the rest: the job's hand-over "
        "between threads)\n",
        first.ms, first.rows, consolePeak, result.durationMs);
    return first;
}

// The console pages 200 pages on from its first page, then rolls back.
void consolePaging(SessionWorker &worker, const std::shared_ptr<SqlRunner> &runner,
                   const ConsoleFirstPage &first)
{
    QElapsedTimer t;
    t.start();
    qint64 paged = first.rows;
    for (int i = 0; i < 200; ++i) {
        SqlRunJob *fetch = SqlRunJob::fetch(runner, first.cursor, 500);
        SqlPage page;
        QObject::connect(fetch, &Job::finished, fetch, [&page, fetch] { page = fetch->page(); });
        runAndWait(worker, fetch);
        paged += page.rows.size();
    }
    std::printf(
        "console 200 more pages:  %8.1f ms  (%lld rows so far; peak RSS +%.1f MB, now +%.1f MB)\n",
        ms(t), paged, statusMb("VmHWM:") - first.rssBefore, statusMb("VmRSS:") - first.rssBefore);
    runAndWait(worker, SqlRunJob::rollback(runner));
}

// Bare libpq: the same cursor, on an open connection.
void bareCursor(PgConnection &bare, const QByteArray &query, double consoleMs)
{
    resetPeak();
    QElapsedTimer t;
    t.start();
    bare.exec("BEGIN");
    bare.exec("DECLARE c NO SCROLL CURSOR FOR " + query);
    PgResult first = bare.exec("FETCH FORWARD 500 FROM c");
    const double bareCursorMs = ms(t);
    bare.exec("ROLLBACK");
    std::printf("libpq DECLARE/FETCH 500: %8.1f ms  (%d rows) -> console/libpq = %.2fx\n",
                bareCursorMs, first.rows(), consoleMs / bareCursorMs);
}

// Bare libpq, single-row mode: the first row, then cancel the rest.
void bareSingleRow(PgConnection &bare, const QByteArray &query)
{
    resetPeak();
    const double rssSingle = statusMb("VmRSS:");
    QElapsedTimer t;
    t.start();
    PQsendQuery(bare.handle(), query.constData());
    PQsetSingleRowMode(bare.handle());
    PGresult *row = PQgetResult(bare.handle());
    const double singleMs = ms(t);
    PQclear(row);
    if (PGcancel *cancel = PQgetCancel(bare.handle())) { // bare libpq's own cancel
        char message[256] = {};
        PQcancel(cancel, message, sizeof message);
        PQfreeCancel(cancel);
    }
    while (PGresult *rest = PQgetResult(bare.handle()))
        PQclear(rest);
    std::printf("libpq single-row mode:   %8.1f ms  to the first row (peak RSS +%.1f MB)\n",
                singleMs, statusMb("VmHWM:") - rssSingle);
}

// Bare libpq, PQexec: every row in memory before the first one shows.
void bareExecAll(PgConnection &bare, const QByteArray &query, double consoleMs)
{
    resetPeak();
    const double rssExec = statusMb("VmRSS:");
    QElapsedTimer t;
    t.start();
    PgResult all = bare.exec(query);
    const double execMs = ms(t);
    std::printf("libpq PQexec (all rows): %8.1f ms  (%d rows; peak RSS +%.1f MB) -> libpq/console "
                "= %.1fx\n",
                execMs, all.rows(), statusMb("VmHWM:") - rssExec, execMs / consoleMs);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10000000;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path());
    if (!startSandbox(sandbox))
        return 1;
    const QString conninfo = sandbox.conninfo(QStringLiteral("bench"));
    if (!createTable(conninfo, rows))
        return 1;
    const QByteArray query = "SELECT * FROM t";

    // The console's path: a SqlRunJob on its own SessionWorker (connected first).
    SessionWorker worker(SessionSpec::from(sandbox.profile(QStringLiteral("bench")), QString(),
                                           QStringLiteral("bench sql")),
                         QStringLiteral("sql"));
    auto runner = std::make_shared<SqlRunner>();
    const SqlRunRequest warm = SqlRunRequest::forScript("SELECT 1");
    runAndWait(worker, SqlRunJob::run(runner, warm));
    const std::optional<ConsoleFirstPage> console = consoleFirstPage(worker, runner, query);
    if (!console)
        return 1;
    consolePaging(worker, runner, *console);

    // The bare libpq baselines, on one open connection.
    PgConnection bare;
    bare.open(conninfo);
    bareCursor(bare, query, console->ms);
    bareSingleRow(bare, query);
    bareExecAll(bare, query, console->ms);
    worker.retire();
    SessionWorker::waitForAll(10000);
    sandbox.stop();
    return 0;
}
