// Entity browser benchmark (run by hand): a table of N rows (default 10,000,000) in a fresh
// sandbox with fsync off. Measures, in one run: opening the table to the first page in the
// model (a new session: connect, identity, the catalog the page needs, page; then the time
// until the rest of the catalog is in and rows can be edited) against `psql -c 'select * from t
// order by id limit 200'` and against a bare libpq PQconnectdb + the same query, jumping to the
// last page, sorting by an indexed column, resident memory after paging through 100 pages, and a
// plain QSqlTableModel (QPSQL) over the same table. Usage: bench_browse [rows] [rounds]
// The first page is opened `rounds` times (default 9), each time a new model and session, each
// round next to its baselines (which goes first alternates): the medians, and "paired" (the
// one the target, <= 2x the bare libpq connect and query, is judged on), the median of the
// rounds' own ratios: on a shared machine whose load drifts, a connect of 6 ms or of 20 ms
// moves both sides of one round alike, while the medians of each side can come from
// different loads.
#include "browse/entitymodel.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sessionspec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include <libpq-fe.h>

using namespace uaip;

namespace {

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

// Waits in the event loop like the GUI does (processEvents(flags, ms) drops WaitForMoreEvents
// and would spin, taking a core from the worker and the server on a small machine).
bool waitFor(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    QTimer wake; // bounds each wait, whatever the events
    wake.start(50);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
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

// The table t of `rows` rows, indexed on score, vacuumed and analysed.
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
        + QByteArray::number(rows)
        + ") g;"
          "CREATE INDEX t_score ON t (score);");
    c.exec("VACUUM ANALYZE t");
    if (!r.ok()) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(r.error().toString()));
        return false;
    }
    std::printf("table t: %lld rows generated in %.1f s\n", rows, ms(t) / 1000);
    return true;
}

struct Baselines
{
    double psqlMs = 0;
    double bareMs = 0;
};

// Baselines: psql (process start + connect + query + print), and a bare libpq connect + query.
std::optional<Baselines> measureBaselines(const QString &conninfo)
{
    Baselines b;
    QElapsedTimer t;
    t.start();
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), conninfo,
                QStringLiteral("-c"), QStringLiteral("select * from t order by id limit 200")});
    psql.waitForFinished(60000);
    b.psqlMs = ms(t);
    // Bare libpq: PQconnectdb and PQexec, nothing else.
    t.restart();
    PGconn *bare = PQconnectdb(conninfo.toUtf8().constData());
    PGresult *bareRows = PQexec(bare, "select * from t order by id limit 200");
    b.bareMs = ms(t);
    if (PQresultStatus(bareRows) != PGRES_TUPLES_OK || PQntuples(bareRows) != 200) {
        std::fprintf(stderr, "bare libpq: %s\n", PQerrorMessage(bare));
        return std::nullopt;
    }
    PQclear(bareRows);
    PQfinish(bare);
    return b;
}

// Opens the table in a new session (model: a new one); returns the time to the first page in
// the model, and in *readyMs the time until the table is ready for edits.
double openFirstPage(EntityModel &model, const Sandbox &sandbox, double *readyMs)
{
    model.setTarget(SessionSpec::from(sandbox.profile(QStringLiteral("bench")), QString()));
    QElapsedTimer t;
    t.start();
    model.openTable(QStringLiteral("public"), QStringLiteral("t"));
    // The first page is shown when its rows are in the model; the rest of the catalog
    // (constraints, defaults, sortability) follows, and editing waits for it.
    waitFor([&] { return model.rowCount() > 0; });
    const double firstPageMs = ms(t);
    waitFor([&] { return !model.loader()->isLoading(); });
    *readyMs = ms(t);
    return firstPageMs;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0
        : v.size() % 2 ? v[v.size() / 2]
                       : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// `rounds` first pages, each next to its baselines; the last round's model is left in *model
// for the measurements that follow. Returns the median first page, or -1 on failure.
double measureFirstPages(std::unique_ptr<EntityModel> *model, const Sandbox &sandbox,
                         const QString &conninfo, int rounds)
{
    QList<double> page, ready, psql, bare, overPsql, overBare;
    for (int r = 0; r < rounds; ++r) {
        std::optional<Baselines> base;
        double readyMs = 0;
        double pageMs = 0;
        auto ours = [&] {
            *model = std::make_unique<EntityModel>();
            pageMs = openFirstPage(**model, sandbox, &readyMs);
        };
        if (r % 2) {
            ours();
            base = measureBaselines(conninfo);
        } else {
            base = measureBaselines(conninfo);
            ours();
        }
        if (!base || (*model)->rowCount() == 0)
            return -1;
        page << pageMs;
        ready << readyMs;
        psql << base->psqlMs;
        bare << base->bareMs;
        overPsql << pageMs / base->psqlMs;
        overBare << pageMs / base->bareMs;
    }
    std::printf("first page in model:   %8.1f ms  (median of %d rounds, 200 rows; table ready for "
                "edits at %.1f ms)\n",
                median(page), rounds, median(ready));
    std::printf("psql -c ... limit 200: %8.1f ms  -> model/psql = %.2fx of the medians, %.2fx "
                "paired (target <= 3x, <= 100 ms)\n",
                median(psql), median(page) / median(psql), median(overPsql));
    std::printf("libpq connect+query:   %8.1f ms  -> model/libpq = %.2fx of the medians, %.2fx "
                "paired (target <= 2x paired, first page <= 30 ms)\n",
                median(bare), median(page) / median(bare), median(overBare));
    std::printf("rounds, model/libpq:  ");
    for (const double x : overBare)
        std::printf(" %.2f", x);
    std::printf("\n");
    return median(page);
}

// Reloads, jumps to the last page and the one before it, sorts by an indexed column.
void moveAround(EntityModel &model)
{
    // Second open of another order on the same worker connection (no connect cost).
    QElapsedTimer t;
    t.start();
    model.loader()->reload();
    waitFor([&] { return model.rowCount() > 0 && !model.loader()->isLoading(); });
    std::printf("reload first page:     %8.1f ms\n", ms(t));

    t.restart();
    model.loader()->jumpToEnd();
    waitFor([&] {
        return model.loader()->countState() == PageLoader::CountState::Complete
            && model.data(model.index(model.rowCount() - 1, 0), EntityModel::LoadedRole).toBool();
    });
    std::printf("jump to last page:     %8.1f ms  (exact count %lld, then tail page; last id %s)\n",
                ms(t), model.loader()->exactCount(),
                qPrintable(model.data(model.index(model.rowCount() - 1, 0)).toString()));
    t.restart();
    model.data(model.index(model.rowCount() - 201, 0)); // the page before, by keyset
    waitFor([&] { return !model.loader()->isLoading(); });
    std::printf("page before the last:  %8.1f ms\n", ms(t));

    t.restart();
    model.sort(2, Qt::DescendingOrder); // score, indexed
    waitFor([&] { return model.rowCount() > 0 && !model.loader()->isLoading(); });
    std::printf("sort by indexed col:   %8.1f ms  (first score %s)\n", ms(t),
                qPrintable(model.data(model.index(0, 2)).toString()));
}

// Pages through 100 pages of the sorted table, then the resident memory against rssStart.
void pageThrough(EntityModel &model, double rssStart)
{
    QElapsedTimer t;
    t.start();
    double slowest = 0;
    for (int page = 0; page < 100; ++page) {
        QElapsedTimer p;
        p.start();
        model.fetchMore({});
        waitFor([&] { return !model.loader()->isLoading(); });
        for (int r = model.rowCount() - 200; r < model.rowCount(); r += 50)
            model.data(model.index(r, 1)); // touch the rows like a view would
        slowest = qMax(slowest, ms(p));
    }
    std::printf("100 pages (sorted):    %8.1f ms  (%.1f ms/page, slowest %.1f ms, %d rows, %d "
                "pages cached)\n",
                ms(t), ms(t) / 100, slowest, model.rowCount(), model.loader()->cachedPages());
    const double rssAfter = rssMb();
    std::printf("VmRSS: %.1f MB at start, %.1f MB after paging (target <= 150 MB, flat)\n",
                rssStart, rssAfter);
}

// The plain Qt way: QSqlTableModel over QPSQL reads the whole result on select(). Its
// connection "bench" is left for the caller to remove.
void compareQSqlTableModel(const Sandbox &sandbox, double firstPageMs)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench"));
    db.setHostName(sandbox.socketDir());
    db.setPort(sandbox.port());
    db.setUserName(sandbox.superuser());
    db.setPassword(sandbox.password(sandbox.superuser()));
    db.setDatabaseName(QStringLiteral("bench"));
    if (!db.open()) {
        std::printf("QSqlTableModel: cannot open QPSQL: %s\n", qPrintable(db.lastError().text()));
        return;
    }
    QSqlTableModel table(nullptr, db);
    table.setTable(QStringLiteral("t"));
    table.setSort(0, Qt::AscendingOrder);
    QElapsedTimer t;
    t.start();
    const bool ok = table.select();
    std::printf("QSqlTableModel select: %8.1f ms  (%s, %d rows in model) -> %.1fx the "
                "model's first page\n",
                ms(t), ok ? "ok" : qPrintable(table.lastError().text()), table.rowCount(),
                ms(t) / firstPageMs);
    std::printf("VmRSS after QSqlTableModel: %.1f MB\n", rssMb());
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
    const int rounds = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 9;

    const double rssStart = rssMb();
    std::unique_ptr<EntityModel> model;
    const double firstPageMs = measureFirstPages(&model, sandbox, conninfo, rounds);
    if (firstPageMs < 0)
        return 1;
    moveAround(*model);
    pageThrough(*model, rssStart);
    compareQSqlTableModel(sandbox, firstPageMs);
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    sandbox.stop();
    return 0;
}
