// Object browser benchmark (run by hand): N tables (default 10,000, each with a primary key and
// a comment) in schema public of a fresh sandbox with fsync off, made by one DO statement.
// Measures, on one open connection, the median of 20 runs of: the first level
// (ObjectCatalog::schemas, the schemas with their counts per kind), one schema's tables
// (objects(public, table), with their sizes), one table's parts (children), one table's DDL, a
// search (find) and the lookup of one name; each against a baseline measured in the same run,
// `SELECT count(*) FROM pg_class` on the same connection. Usage: bench_objectcatalog [tables]
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "objects/objectcatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace uaip;

namespace {

constexpr int kRuns = 20;

// The median of kRuns runs of what, in milliseconds; what says whether the run worked.
double median(const std::function<bool()> &what)
{
    std::vector<double> ms;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        if (!what()) {
            std::fprintf(stderr, "a run failed\n");
            std::exit(1);
        }
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

bool makeTables(PgConnection &c, int tables)
{
    QElapsedTimer t;
    t.start();
    // one statement, committing every 500 tables (one transaction would need a lock per table)
    PgResult r = c.exec(
        "DO $$ BEGIN FOR i IN 1.." + QByteArray::number(tables)
        + " LOOP EXECUTE format('CREATE TABLE public.%I (id bigint PRIMARY KEY, name text NOT "
          "NULL, created timestamptz DEFAULT now())', 't_' || i); EXECUTE format('COMMENT ON "
          "TABLE public.%I IS %L', 't_' || i, 'table ' || i); IF i % 500 = 0 THEN COMMIT; END "
          "IF; END LOOP; END $$");
    if (r.ok())
        r = c.execScript("CREATE VIEW public.v AS SELECT id FROM public.t_1;"
                         "CREATE FUNCTION public.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'");
    if (!r.ok()) {
        std::fprintf(stderr, "setup: %s\n", qPrintable(r.error().toString()));
        return false;
    }
    std::printf("%d tables made in %.1f s\n", tables, double(t.elapsed()) / 1000);
    return true;
}

void line(const char *what, double ms, double baseline, const QString &note)
{
    std::printf("%-32s %8.2f ms  = %6.1fx baseline  %s\n", what, ms, ms / baseline,
                qPrintable(note));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int tables = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    Sandbox sandbox(dir.path());
    Status started = sandbox.start(Sandbox::Options{false, false});
    if (started)
        started = sandbox.createDatabase(QStringLiteral("bench"));
    if (!started) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    PgConnection c;
    if (!c.open(sandbox.conninfo(QStringLiteral("bench"))) || !makeTables(c, tables))
        return 1;
    ObjectCatalog catalog(c);
    QString rows;
    const double baseline = median([&] {
        rows = c.scalar("SELECT count(*) FROM pg_class");
        return !rows.isEmpty();
    });
    std::printf("%-32s %8.2f ms  (%s rows in pg_class; median of %d runs each)\n",
                "baseline: count(*) FROM pg_class", baseline, qPrintable(rows), kRuns);
    qsizetype n = 0;
    const double schemas = median([&] {
        const auto r = catalog.schemas();
        n = r ? r.value().size() : 0;
        return r.ok();
    });
    line("schemas() (first level)", schemas, baseline, QStringLiteral("%1 schemas").arg(n));
    QList<CatalogNode> list;
    const double objects = median([&] {
        auto r = catalog.objects(QStringLiteral("public"), ObjectKind::Table);
        if (r)
            list = r.take();
        return r.ok();
    });
    line("objects(public, table)", objects, baseline,
         QStringLiteral("%1 tables, estimated sizes").arg(list.size()));
    const CatalogNode table = list.value(list.size() / 2);
    line("children(one table)", median([&] { return catalog.children(table).ok(); }), baseline,
         table.identity);
    line("ddl(one table)", median([&] { return catalog.ddl(table).ok(); }), baseline,
         table.identity);
    line("dependencies(one table)", median([&] { return catalog.dependencies(table).ok(); }),
         baseline, table.identity);
    const double found = median([&] {
        const auto r = catalog.find(QStringLiteral("t_99"));
        n = r ? r.value().size() : 0;
        return r.ok();
    });
    line("find(\"t_99\", 200)", found, baseline, QStringLiteral("%1 found").arg(n));
    // the middle table (t_5000 of the default 10,000), one that exists at any size
    const QString middle = QStringLiteral("t_%1").arg(tables / 2);
    const QByteArray lookupWhat = "lookup(public, " + middle.toUtf8() + ')';
    line(lookupWhat.constData(),
         median([&] { return catalog.lookup(QStringLiteral("public"), middle).ok(); }), baseline,
         QStringLiteral("exact size"));
    sandbox.stop();
    return 0;
}
